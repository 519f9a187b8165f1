package dev.payments.webhooks;

import static dev.payments.support.Fixtures.website;
import static dev.payments.webhooks.Deliveries.connect;
import static dev.payments.webhooks.Deliveries.deliver;
import static dev.payments.webhooks.Deliveries.fixture;
import static dev.payments.webhooks.Deliveries.payments;
import static dev.payments.webhooks.Deliveries.polarHeaders;
import static dev.payments.webhooks.Deliveries.signatureHeaders;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.payments.support.Race;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Contract section 8: a delivery whose event was already processed answers 200 Event ignored and changes nothing,
 * however it is signed again; each provider's event id (Lemon Squeezy's body) tells the event.
 */
@QuarkusTest
class OnceOnlyDeliveriesTest {

    private static final String REDELIVERED = "event %s was already processed";

    @Test
    void shouldIgnoreAStripeEventDeliveredAgainWithANewSignature() {
        String websiteId = website().id();
        String secret = connect(websiteId, "stripe");
        String body = fixture("stripe", "checkout.session.completed.payment");
        deliver("stripe", websiteId, signatureHeaders("stripe", secret, body, Instant.now().minusSeconds(60)), body)
                .statusCode(200).body("message", equalTo("Payment recorded"));
        Object before = payments(websiteId);
        ignored(deliver("stripe", websiteId, signatureHeaders("stripe", secret, body, Instant.now()), body),
                "checkout.session.completed", "evt_1RlHe3R7UUImIKwkQOxX4eYe");
        assertEquals(before, payments(websiteId));
    }

    @Test
    void shouldIgnoreAStripeEventWhoseIdWasProcessedEvenIfItsBodyChanged() {
        String websiteId = website().id();
        String secret = connect(websiteId, "stripe");
        String body = fixture("stripe", "checkout.session.completed.payment");
        deliver("stripe", websiteId, secret, body).statusCode(200);
        Object before = payments(websiteId);
        ignored(deliver("stripe", websiteId, secret, body.replace("\"amount_total\": 2999", "\"amount_total\": 1")),
                "checkout.session.completed", "evt_1RlHe3R7UUImIKwkQOxX4eYe");
        assertEquals(before, payments(websiteId));
    }

    @Test
    void shouldIgnoreAPolarDeliveryWhoseWebhookIdWasProcessed() {
        String websiteId = website().id();
        String secret = connect(websiteId, "polar");
        String body = fixture("polar", "order.paid");
        deliver("polar", websiteId, polarHeaders("msg_once", secret, body, Instant.now().minusSeconds(60)), body)
                .statusCode(200).body("message", equalTo("Payment recorded"));
        Object before = payments(websiteId);
        ignored(deliver("polar", websiteId, polarHeaders("msg_once", secret, body, Instant.now()), body),
                "order.paid", "msg_once");
        assertEquals(before, payments(websiteId));
    }

    @Test
    void shouldProcessAPolarDeliveryWithAnotherWebhookId() {
        String websiteId = website().id();
        String secret = connect(websiteId, "polar");
        String body = fixture("polar", "order.paid");
        deliver("polar", websiteId, polarHeaders("msg_first", secret, body, Instant.now()), body).statusCode(200);
        deliver("polar", websiteId, polarHeaders("msg_second", secret, body, Instant.now()), body).statusCode(200)
                .body("message", equalTo("Payment already recorded; duplicate skipped"));
    }

    @Test
    void shouldIgnoreAPaddleNotificationAlreadyProcessed() {
        String websiteId = website().id();
        String secret = connect(websiteId, "paddle");
        String body = fixture("paddle", "transaction.completed");
        deliver("paddle", websiteId, signatureHeaders("paddle", secret, body, Instant.now().minusSeconds(60)), body)
                .statusCode(200).body("message", equalTo("Payment recorded"));
        Object before = payments(websiteId);
        ignored(deliver("paddle", websiteId, secret, body), "transaction.completed", "ntf_01k07x5c5e7g9j1l3n5q7s9u1w");
        assertEquals(before, payments(websiteId));
    }

    @Test
    void shouldIgnoreALemonSqueezyBodyAlreadyProcessed() {
        String websiteId = website().id();
        String secret = connect(websiteId, "lemonsqueezy");
        String body = fixture("lemonsqueezy", "order_created");
        deliver("lemonsqueezy", websiteId, secret, body).statusCode(200).body("message", equalTo("Payment recorded"));
        Object before = payments(websiteId);
        deliver("lemonsqueezy", websiteId, secret, body).statusCode(200)
                .body("message", equalTo("Event ignored"))
                .body("event", equalTo("order_created"))
                .body("transaction_id", nullValue());
        assertEquals(before, payments(websiteId));
    }

    @Test
    void shouldRecordOnceWhenTheSameEventArrivesTwiceAtOnce() throws Exception {
        String websiteId = website().id();
        String secret = connect(websiteId, "stripe");
        String body = fixture("stripe", "checkout.session.completed.payment");
        List<String> messages = Race.run(
                () -> deliver("stripe", websiteId, secret, body).statusCode(200).extract().<String>path("message"),
                () -> deliver("stripe", websiteId, secret, body).statusCode(200).extract().<String>path("message"));
        assertEquals(List.of("Event ignored", "Payment recorded"), messages.stream().sorted().toList());
        assertEquals(1, ((List<?>) payments(websiteId)).size());
    }

    @Test
    void shouldProcessTheSameEventForAnotherWebsite() {
        String body = fixture("stripe", "checkout.session.completed.payment");
        String first = website().id();
        deliver("stripe", first, connect(first, "stripe"), body).statusCode(200);
        String second = website().id();
        deliver("stripe", second, connect(second, "stripe"), body).statusCode(200)
                .body("message", equalTo("Payment recorded"));
    }

    private static void ignored(ValidatableResponse response, String type, String eventId) {
        response.statusCode(200)
                .body("message", equalTo("Event ignored"))
                .body("event", equalTo(type))
                .body("reason", equalTo(REDELIVERED.formatted(eventId)))
                .body("transaction_id", nullValue());
    }
}
