package dev.payments.platform.ratelimit;

import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.website;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payments.account.credentials.Secrets;
import dev.payments.support.Eventually;
import dev.payments.support.Fixtures.TestWebsite;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Random tokens cannot tie up the database: past its quota of unknown tokens, a client address gets 429 before its
 * tokens are looked up, while keys already known valid keep working.
 */
@QuarkusTest
@TestProfile(UnknownTokenLimitTest.FewUnknownTokens.class)
class UnknownTokenLimitTest {

    static final int QUOTA = 5;

    public static class FewUnknownTokens implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("payments.rate-limit.unknown-tokens", String.valueOf(QUOTA),
                    "payments.rate-limit.period", "1h");
        }
    }

    @Test
    void shouldAnswer429ToAnAddressPastItsUnknownTokensAndKeepServingKnownKeys() {
        TestWebsite site = website();
        as(site.key()).get("/api/v1/payments").then().statusCode(200);
        for (int i = 0; i < QUOTA; i++) {
            as(randomKey()).get("/api/v1/payments").then().statusCode(401);
        }
        Response refused = as(randomKey()).get("/api/v1/payments");
        refused.then().statusCode(429)
                .body("error.code", equalTo(429))
                .body("error.type", equalTo("rate_limited"));
        assertTrue(Integer.parseInt(refused.header("Retry-After")) > 0, refused.headers().toString());
        as(site.key()).get("/api/v1/payments").then().statusCode(200);
    }

    @Test
    void shouldAnswer429ToAWebhookFromAnAddressPastItsQuotaBeforeItsBodyArrives() throws Exception {
        // an address of its own (all of 127/8 is this machine), so that no other test spends its quota
        InetAddress address = InetAddress.getByName("127.0.0.23");
        String answer = "";
        for (int i = 0; i <= QUOTA && !answer.startsWith("HTTP/1.1 429"); i++) {
            answer = statusLine(address, get(randomKey()));
        }
        assertEquals("HTTP/1.1 429 Too Many Requests", answer);
        // the declared body never comes: the answer cannot have waited for it
        assertEquals("HTTP/1.1 429 Too Many Requests", statusLine(address, "POST /api/v1/webhooks/stripe/site HTTP/1.1"
                + "\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"));
    }

    @Test
    void shouldServeANewValidKeyFromAnAddressPastItsQuota() throws Exception {
        InetAddress address = InetAddress.getByName("127.0.0.25");
        String answer = "";
        for (int i = 0; i <= QUOTA && !answer.startsWith("HTTP/1.1 429"); i++) {
            answer = statusLine(address, get(randomKey()));
        }
        assertEquals("HTTP/1.1 429 Too Many Requests", answer);
        // created after the flood, so in no cache: it is looked up all the same, once its creation is known here
        String key = website().key();
        assertTrue(Eventually.within(Duration.ofSeconds(5),
                () -> "HTTP/1.1 200 OK".equals(statusLine(address, get(key)))));
    }

    private static String get(String token) {
        return "GET /api/v1/payments HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token + "\r\n\r\n";
    }

    private static String statusLine(InetAddress from, String request) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), RestAssured.port, from, 0)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String randomKey() {
        return Secrets.newSecret(Secrets.WEBSITE_KEY_PREFIX);
    }
}
