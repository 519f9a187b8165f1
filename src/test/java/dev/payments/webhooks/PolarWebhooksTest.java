package dev.payments.webhooks;

import static dev.payments.support.Fixtures.website;
import static dev.payments.webhooks.Deliveries.amount;
import static dev.payments.webhooks.Deliveries.assertSameInEitherOrder;
import static dev.payments.webhooks.Deliveries.connect;
import static dev.payments.webhooks.Deliveries.deliver;
import static dev.payments.webhooks.Deliveries.fixture;
import static dev.payments.webhooks.Deliveries.stored;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Polar's events, as contract section 8 maps them, from its documented payloads signed with Standard Webhooks. */
@QuarkusTest
class PolarWebhooksTest {

    private static final String ORDER = "b5a2c3e1-8f4d-4c7a-9e2b-6d1f0a3c5e87";

    private String websiteId;
    private String secret;

    @BeforeEach
    void connectPolar() {
        websiteId = website().id();
        secret = connect(websiteId, "polar");
    }

    @Test
    void shouldRecordAPaidOrder() {
        send("order.paid").statusCode(200)
                .body("message", equalTo("Payment recorded"))
                .body("transaction_id", equalTo(ORDER));
        stored(websiteId, ORDER).body("data", hasSize(1))
                .body("data[0].amount", equalTo(new BigDecimal("29.99")))
                .body("data[0].currency", equalTo("USD"))
                .body("data[0].renewal", equalTo(false))
                .body("data[0].datafast_visitor_id", equalTo("3cff4252-fa96-4fec-8b1b-b5695e763b65"))
                .body("data[0].customer_email", equalTo("jenny.rosen@example.com"))
                .body("data[0].customer_name", equalTo("Jenny Rosen"))
                .body("data[0].customer_id", equalTo("992fae2a-2a17-4b7a-8d9e-e287cf90131b"));
    }

    @Test
    void shouldRecordASubscriptionCycleOrderAsARenewal() {
        send("order.paid.renewal").statusCode(200);
        stored(websiteId, "7c3e9a1b-5d2f-4e8a-b6c4-0a9d2e7f1b35").body("data[0].renewal", equalTo(true))
                .body("data[0].amount", equalTo(new BigDecimal("20.69")));
    }

    @Test
    void shouldMarkAFullyRefundedOrderRefunded() {
        send("order.paid");
        send("order.refunded").statusCode(200).body("message", equalTo("Payment marked as refunded"));
        stored(websiteId, ORDER).body("data[0].refunded", equalTo(true));
    }

    @Test
    void shouldEndTheSameWhenTheRefundArrivesBeforeThePayment() {
        assertSameInEitherOrder("polar", "order.paid", "order.refunded");
    }

    @Test
    void shouldAnswerAPartialRefundWithTheOrderItRefunds() {
        send("order.paid");
        send("order.refunded.partial").statusCode(200)
                .body("message", not(equalTo("Event ignored")))
                .body("transaction_id", equalTo(ORDER));
    }

    @Test
    void shouldStoreAPartialRefundAsTheRefundedTotal() {
        send("order.paid");
        send("order.refunded.partial");
        stored(websiteId, ORDER).body("data[0].refunded_amount", amount("10.00"))
                .body("data[0].refunded", equalTo(false))
                .body("data[0].refunded_at", equalTo("2025-07-18T09:12:30.884120Z"));
    }

    @Test
    void shouldKeepTheHigherTotalWhenTwoPartialRefundsArriveInReverseOrder() {
        send("order.paid");
        send("order.refunded.partial.second").statusCode(200);
        send("order.refunded.partial").statusCode(200);
        stored(websiteId, ORDER).body("data[0].refunded_amount", amount("20.00"))
                .body("data[0].refunded", equalTo(false));
    }

    @Test
    void shouldKeepThePartialTotalOfARefundThatArrivedBeforeThePayment() {
        send("order.refunded.partial").statusCode(200).body("transaction_id", equalTo(ORDER));
        send("order.paid").statusCode(200);
        stored(websiteId, ORDER).body("data", hasSize(1))
                .body("data[0].amount", amount("29.99"))
                .body("data[0].refunded_amount", amount("10.00"))
                .body("data[0].refunded", equalTo(false));
    }

    @Test
    void shouldEndTheSameWhenAPartialRefundArrivesBeforeThePayment() {
        assertSameInEitherOrder("polar", "order.paid", "order.refunded.partial");
    }

    private ValidatableResponse send(String name) {
        return deliver("polar", websiteId, secret, fixture("polar", name));
    }
}
