package dev.payments.webhooks;

import static dev.payments.support.Fixtures.BOOTSTRAP;
import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.website;
import static dev.payments.webhooks.Deliveries.TOLERANCE_SECONDS;
import static dev.payments.webhooks.Deliveries.connect;
import static dev.payments.webhooks.Deliveries.deliver;
import static dev.payments.webhooks.Deliveries.fixture;
import static dev.payments.webhooks.Deliveries.payments;
import static dev.payments.webhooks.Deliveries.signatureHeaders;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.payments.support.Metrics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every provider's delivery must prove before anything is recorded (contract section 8). */
@QuarkusTest
class WebhookDeliveryTest {

    private static final Map<String, String> PAYMENT = Map.of("stripe", "checkout.session.completed.payment",
            "lemonsqueezy", "order_created", "polar", "order.paid", "paddle", "transaction.completed");

    @ParameterizedTest
    @ValueSource(strings = {"stripe", "lemonsqueezy", "polar", "paddle"})
    void shouldRecordNothingWhenTheSignatureIsWrong(String provider) {
        String websiteId = website().id();
        connect(websiteId, provider);
        String body = fixture(provider, PAYMENT.get(provider));
        error(deliver(provider, websiteId, signatureHeaders(provider, "not-the-secret", body, Instant.now()), body),
                400).body("error.message", startsWith("invalid " + provider + " webhook signature: "));
        assertEquals(List.of(), payments(websiteId));
    }

    @ParameterizedTest
    @ValueSource(strings = {"stripe", "lemonsqueezy", "polar", "paddle"})
    void shouldRecordNothingWithoutASignature(String provider) {
        String websiteId = website().id();
        connect(websiteId, provider);
        error(deliver(provider, websiteId, Map.of(), fixture(provider, PAYMENT.get(provider))), 400);
        assertEquals(List.of(), payments(websiteId));
    }

    @ParameterizedTest
    @ValueSource(strings = {"stripe", "polar", "paddle"})
    void shouldRecordNothingWhenTheSignedTimestampIsOlderThanFiveMinutes(String provider) {
        String websiteId = website().id();
        String secret = connect(websiteId, provider);
        String body = fixture(provider, PAYMENT.get(provider));
        Instant stale = Instant.now().minusSeconds(TOLERANCE_SECONDS + 30);
        error(deliver(provider, websiteId, signatureHeaders(provider, secret, body, stale), body), 400);
        assertEquals(List.of(), payments(websiteId));
    }

    @Test
    void shouldRecordNothingWhenTheBodyWasChangedAfterSigning() {
        String websiteId = website().id();
        String secret = connect(websiteId, "stripe");
        String body = fixture("stripe", PAYMENT.get("stripe"));
        Map<String, String> headers = signatureHeaders("stripe", secret, body, Instant.now());
        error(deliver("stripe", websiteId, headers, body.replace("2999", "1")), 400);
        assertEquals(List.of(), payments(websiteId));
    }

    @Test
    void shouldAnswer404ForAProviderNotConnectedToTheWebsite() {
        String websiteId = website().id();
        connect(websiteId, "stripe");
        error(deliver("paddle", websiteId, "pdl_ntfset_x", fixture("paddle", PAYMENT.get("paddle"))), 404)
                .body("error.message", equalTo("paddle is not connected to website " + websiteId));
    }

    @Test
    void shouldAnswer404ForAnUnknownWebsite() {
        error(deliver("stripe", "000000000000000000000000", "whsec_x", fixture("stripe", PAYMENT.get("stripe"))),
                404);
    }

    @Test
    void shouldAnswer404ForAWebsiteIdWithANul() {
        error(given().urlEncodingEnabled(false).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/webhooks/stripe/%00").then(), 404)
                .body("error.message", startsWith("no such website"));
    }

    @Test
    void shouldAnswer404ForAnUnknownProvider() {
        String websiteId = website().id();
        error(deliver("square", websiteId, Map.of(), "{}"), 404);
    }

    @Test
    void shouldAnswer404OnceTheProviderIsDisconnected() {
        String websiteId = website().id();
        String secret = connect(websiteId, "polar");
        as(BOOTSTRAP).delete("/api/v1/admin/websites/{id}/integrations/polar", websiteId).then().statusCode(200);
        error(deliver("polar", websiteId, secret, fixture("polar", PAYMENT.get("polar"))), 404);
    }

    @Test
    void shouldAnswer400ForASignedBodyThatIsNotJson() {
        String websiteId = website().id();
        String secret = connect(websiteId, "lemonsqueezy");
        error(deliver("lemonsqueezy", websiteId, secret, "order_created"), 400)
                .body("error.message", equalTo("the webhook body is not JSON"));
    }

    @Test
    void shouldAnswer413ForABodyOverTheCap() {
        String websiteId = website().id();
        String secret = connect(websiteId, "lemonsqueezy");
        String body = "{\"padding\":\"" + "x".repeat(70 * 1024) + "\"}";
        error(deliver("lemonsqueezy", websiteId, secret, body), 413);
    }

    @Test
    void shouldRecordNothingForAWebsiteWhoseTrackingIsSuspended() {
        String websiteId = website().id();
        String secret = connect(websiteId, "polar");
        as(BOOTSTRAP).contentType(ContentType.JSON).body(Map.of("trackingSuspended", true))
                .put("/api/v1/admin/websites/{id}", websiteId).then().statusCode(200);
        deliver("polar", websiteId, secret, fixture("polar", PAYMENT.get("polar"))).statusCode(200)
                .body("message", equalTo("Event ignored"))
                .body("event", equalTo("order.paid"))
                .body("reason", equalTo("tracking is suspended for this website"));
        assertEquals(List.of(), payments(websiteId));
    }

    @Test
    void shouldCountDeliveriesPerProviderAndOutcome() {
        String websiteId = website().id();
        String secret = connect(websiteId, "paddle");
        String body = fixture("paddle", PAYMENT.get("paddle"));
        double recorded = webhooks("paddle", "recorded");
        double invalid = webhooks("paddle", "invalid_signature");
        double unused = webhooks("paddle", "unused");
        deliver("paddle", websiteId, secret, body).statusCode(200);
        deliver("paddle", websiteId, signatureHeaders("paddle", "wrong", body, Instant.now()), body).statusCode(400);
        deliver("paddle", websiteId, secret, body.replace("transaction.completed", "transaction.created")
                .replace("ntf_01k07x5c5e7g9j1l3n5q7s9u1w", "ntf_01k07x5c5e7g9j1l3n5q7s9u2x")).statusCode(200);
        assertEquals(recorded + 1, webhooks("paddle", "recorded"));
        assertEquals(invalid + 1, webhooks("paddle", "invalid_signature"));
        assertEquals(unused + 1, webhooks("paddle", "unused"));
    }

    @Test
    void shouldCountARedeliveryAsDuplicate() {
        String websiteId = website().id();
        String secret = connect(websiteId, "lemonsqueezy");
        String body = fixture("lemonsqueezy", PAYMENT.get("lemonsqueezy"));
        deliver("lemonsqueezy", websiteId, secret, body).statusCode(200);
        double duplicates = webhooks("lemonsqueezy", "duplicate");
        double recorded = webhooks("lemonsqueezy", "recorded");
        deliver("lemonsqueezy", websiteId, secret, body).statusCode(200);
        assertEquals(duplicates + 1, webhooks("lemonsqueezy", "duplicate"));
        assertEquals(recorded, webhooks("lemonsqueezy", "recorded"));
    }

    private static double webhooks(String provider, String outcome) {
        return Metrics.value("payments_webhooks_total{outcome=\"" + outcome + "\",provider=\"" + provider + "\"}");
    }

    private static ValidatableResponse error(ValidatableResponse response, int code) {
        return response.statusCode(code).body("status", equalTo("error")).body("error.code", equalTo(code));
    }
}
