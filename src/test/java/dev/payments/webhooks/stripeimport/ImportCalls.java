package dev.payments.webhooks.stripeimport;

import static dev.payments.support.Fixtures.BOOTSTRAP;
import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.unique;
import static dev.payments.webhooks.Deliveries.fixture;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.payments.support.Eventually;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Starting and watching Stripe imports through the API, and the Stripe objects {@link FakeStripe} lists. */
final class ImportCalls {

    static final String PATH = "/api/v1/admin/websites/{id}/integrations/stripe/import";
    static final Duration PATIENCE = Duration.ofSeconds(60);
    /** The fixtures' checkout session's created time; the objects here are created a few seconds after it. */
    static final long CREATED = 1752619540;

    private static final ObjectMapper JSON = new ObjectMapper();

    private ImportCalls() {
    }

    static String key() {
        return "rk_test_" + unique("k");
    }

    static ValidatableResponse start(String websiteId, String key) {
        return as(BOOTSTRAP).contentType(ContentType.JSON).body(Map.of("apiKey", key)).post(PATH, websiteId).then();
    }

    /** The latest import once it has ended. */
    static ValidatableResponse finished(String websiteId) {
        assertTrue(Eventually.within(PATIENCE, () -> !"running".equals(
                as(BOOTSTRAP).get(PATH, websiteId).then().statusCode(200).extract().path("data[0].state"))));
        return as(BOOTSTRAP).get(PATH, websiteId).then().statusCode(200);
    }

    /** The object of a documented webhook fixture, as Stripe's list API returns it. */
    static ObjectNode object(String event) {
        try {
            return (ObjectNode) JSON.readTree(fixture("stripe", event)).path("data").path("object");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode session(int n, String paymentIntent) {
        return object("checkout.session.completed.payment").put("id", "cs_test_" + n + paymentIntent)
                .put("payment_intent", paymentIntent).put("created", CREATED + n);
    }

    static ObjectNode invoice(int n, String id) {
        return object("invoice.paid").put("id", id).put("created", CREATED + n);
    }

    static ObjectNode charge(String id, String paymentIntent) {
        return object("charge.refunded").put("id", id).put("payment_intent", paymentIntent);
    }

    /** A refund of the whole charge, as GET /v1/refunds lists it (the charge expanded when asked). */
    static ObjectNode refund(ObjectNode charge) {
        Map<String, Object> refund = new HashMap<>();
        refund.put("id", "re_" + charge.path("id").asText());
        refund.put("object", "refund");
        refund.put("amount", charge.path("amount").asLong());
        refund.put("currency", charge.path("currency").asText());
        refund.put("created", charge.path("created").asLong() + 3600);
        refund.put("payment_intent", charge.path("payment_intent").asText());
        refund.put("status", "succeeded");
        ObjectNode node = JSON.valueToTree(refund);
        node.set("charge", charge);
        return node;
    }
}
