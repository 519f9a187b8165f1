package dev.payments.webhooks;

import static dev.payments.support.Fixtures.BOOTSTRAP;
import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.website;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.standardwebhooks.Webhook;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;

/**
 * Providers' deliveries as they send them: the fixtures under src/test/resources/webhooks (each provider's documented
 * payloads, see SOURCES.md there), signed here with each provider's own scheme, Stripe's and Polar's with their
 * libraries.
 */
public final class Deliveries {

    /** How old a signature may be: the contract's 5 minutes. */
    static final long TOLERANCE_SECONDS = 300;

    private Deliveries() {
    }

    public static String fixture(String provider, String name) {
        try (InputStream in = Deliveries.class.getResourceAsStream("/webhooks/" + provider + "/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + provider + "/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Connects the provider to the website with a new secret, in the provider's own format; returns the secret. */
    public static String connect(String websiteId, String provider) {
        String secret = switch (provider) {
            case "stripe" -> "whsec_" + random();
            case "polar" -> "polar_whs_" + random();
            case "paddle" -> "pdl_ntfset_" + random();
            default -> random();
        };
        as(BOOTSTRAP).contentType(ContentType.JSON).body(Map.of("signingSecret", secret))
                .put("/api/v1/admin/websites/{id}/integrations/{provider}", websiteId, provider)
                .then().statusCode(200);
        return secret;
    }

    /** The body delivered as the provider signs it now. */
    public static ValidatableResponse deliver(String provider, String websiteId, String secret, String body) {
        return deliver(provider, websiteId, signatureHeaders(provider, secret, body, Instant.now()), body);
    }

    static ValidatableResponse deliver(String provider, String websiteId, Map<String, String> headers, String body) {
        return given().headers(headers).contentType("application/json")
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/webhooks/{provider}/{websiteId}", provider, websiteId)
                .then();
    }

    /** The headers with which the provider signs the body at the given time. */
    static Map<String, String> signatureHeaders(String provider, String secret, String body, Instant at) {
        long seconds = at.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        try {
            switch (provider) {
                case "stripe" -> headers.put("Stripe-Signature",
                        com.stripe.net.Webhook.Signature.generateSignatureHeader(body, secret, seconds));
                case "lemonsqueezy" -> {
                    headers.put("X-Event-Name", "webhook");
                    headers.put("X-Signature", hexHmac(secret, body));
                }
                case "polar" -> headers.putAll(polarHeaders("msg_" + random(), secret, body, at));
                case "paddle" -> headers.put("Paddle-Signature",
                        "ts=" + seconds + ";h1=" + hexHmac(secret, seconds + ":" + body));
                default -> throw new IllegalArgumentException(provider);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return headers;
    }

    /** Polar's Standard Webhooks headers for the delivery with this webhook-id, signed at the given time. */
    static Map<String, String> polarHeaders(String webhookId, String secret, String body, Instant at) {
        try {
            return Map.of("webhook-id", webhookId, "webhook-timestamp", String.valueOf(at.getEpochSecond()),
                    "webhook-signature", new Webhook(secret.getBytes(StandardCharsets.UTF_8))
                            .sign(webhookId, at.getEpochSecond(), body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static ValidatableResponse stored(String websiteId, String transactionId) {
        return as(BOOTSTRAP).queryParam("websiteId", websiteId).queryParam("transaction_id", transactionId)
                .get("/api/v1/payments").then().statusCode(200);
    }

    /** A JSON number of the value given, however many trailing zeros it is written with. */
    public static Matcher<Object> amount(String expected) {
        BigDecimal value = new BigDecimal(expected);
        return new CustomTypeSafeMatcher<>("the number " + expected) {
            @Override
            protected boolean matchesSafely(Object actual) {
                return actual instanceof Number && new BigDecimal(actual.toString()).compareTo(value) == 0;
            }
        };
    }

    /** Every payment of the website, as GET returns them. */
    public static Object payments(String websiteId) {
        return as(BOOTSTRAP).queryParam("websiteId", websiteId).get("/api/v1/payments")
                .then().statusCode(200).extract().path("data");
    }

    /**
     * Delivers two events of one payment in order to a new website and in reverse order to another, and asserts that
     * both end with the same payments.
     */
    static void assertSameInEitherOrder(String provider, String first, String second) {
        String inOrder = website().id();
        String inOrderSecret = connect(inOrder, provider);
        deliver(provider, inOrder, inOrderSecret, fixture(provider, first)).statusCode(200);
        deliver(provider, inOrder, inOrderSecret, fixture(provider, second)).statusCode(200);
        String reversed = website().id();
        String reversedSecret = connect(reversed, provider);
        deliver(provider, reversed, reversedSecret, fixture(provider, second)).statusCode(200);
        deliver(provider, reversed, reversedSecret, fixture(provider, first)).statusCode(200);
        assertEquals(payments(inOrder), payments(reversed));
    }

    private static String hexHmac(String secret, String content) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    }

    private static String random() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
