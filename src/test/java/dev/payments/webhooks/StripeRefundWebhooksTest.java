package dev.payments.webhooks;

import static dev.payments.support.Fixtures.website;
import static dev.payments.webhooks.Deliveries.amount;
import static dev.payments.webhooks.Deliveries.assertSameInEitherOrder;
import static dev.payments.webhooks.Deliveries.connect;
import static dev.payments.webhooks.Deliveries.deliver;
import static dev.payments.webhooks.Deliveries.fixture;
import static dev.payments.webhooks.Deliveries.payments;
import static dev.payments.webhooks.Deliveries.stored;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Stripe's partial refunds and lost disputes, recorded as contract sections 2 and 8 say. */
@QuarkusTest
class StripeRefundWebhooksTest {

    private static final String PAYMENT_INTENT = "pi_3RlHe1R7UUImIKwk0Xq1Yb2c";

    private String websiteId;
    private String secret;

    @BeforeEach
    void connectStripe() {
        websiteId = website().id();
        secret = connect(websiteId, "stripe");
    }

    @Test
    void shouldAnswerAPartialRefundWithThePaymentItRefunds() {
        send("checkout.session.completed.payment");
        send("charge.refunded.partial").statusCode(200)
                .body("message", not(equalTo("Event ignored")))
                .body("transaction_id", equalTo(PAYMENT_INTENT));
    }

    @Test
    void shouldStoreAPartialRefundAsTheRefundedTotal() {
        send("checkout.session.completed.payment");
        send("charge.refunded.partial");
        stored(websiteId, PAYMENT_INTENT).body("data", hasSize(1))
                .body("data[0].refunded_amount", amount("10.00"))
                .body("data[0].refunded", equalTo(false))
                .body("data[0].refunded_at", equalTo("2025-07-18T22:46:41Z"));
    }

    @Test
    void shouldKeepTheHigherTotalWhenTwoPartialRefundsArriveInReverseOrder() {
        send("checkout.session.completed.payment");
        send("charge.refunded.partial.second").statusCode(200);
        send("charge.refunded.partial").statusCode(200);
        stored(websiteId, PAYMENT_INTENT).body("data[0].refunded_amount", amount("25.00"))
                .body("data[0].refunded", equalTo(false));
    }

    @Test
    void shouldMarkThePaymentRefundedOnceTheRefundedTotalReachesItsAmount() {
        send("checkout.session.completed.payment");
        send("charge.refunded.partial");
        send("charge.refunded").statusCode(200).body("transaction_id", equalTo(PAYMENT_INTENT));
        stored(websiteId, PAYMENT_INTENT).body("data[0].refunded_amount", amount("29.99"))
                .body("data[0].refunded", equalTo(true));
    }

    @Test
    void shouldEndTheSameWhenAPartialRefundArrivesBeforeThePayment() {
        assertSameInEitherOrder("stripe", "checkout.session.completed.payment", "charge.refunded.partial");
    }

    @Test
    void shouldKeepThePartialTotalOfARefundThatArrivedBeforeThePayment() {
        send("charge.refunded.partial").statusCode(200).body("transaction_id", equalTo(PAYMENT_INTENT));
        send("checkout.session.completed.payment").statusCode(200);
        stored(websiteId, PAYMENT_INTENT).body("data", hasSize(1))
                .body("data[0].amount", amount("29.99"))
                .body("data[0].refunded_amount", amount("10.00"))
                .body("data[0].refunded", equalTo(false));
    }

    @Test
    void shouldAnswerALostDisputeWithThePaymentItRefunds() {
        send("checkout.session.completed.payment");
        send("charge.dispute.closed.lost").statusCode(200)
                .body("message", not(equalTo("Event ignored")))
                .body("transaction_id", equalTo(PAYMENT_INTENT));
    }

    @Test
    void shouldAddALostDisputeToTheRefundsBeforeIt() {
        send("checkout.session.completed.payment");
        send("charge.refunded.partial");
        send("charge.dispute.closed.lost");
        stored(websiteId, PAYMENT_INTENT).body("data[0].refunded_amount", amount("29.99"))
                .body("data[0].refunded", equalTo(true));
    }

    @Test
    void shouldCountALostDisputeOnceWhateverItsDeliveries() {
        send("checkout.session.completed.payment");
        send("charge.dispute.closed.lost");
        deliver("stripe", websiteId, secret, fixture("stripe", "charge.dispute.closed.lost")
                .replace("evt_1RmQx4R7UUImIKwkDq7Hs2Lp", "evt_1RmQx4R7UUImIKwkZz9Yy8Xx")).statusCode(200);
        stored(websiteId, PAYMENT_INTENT).body("data[0].refunded_amount", amount("19.99"))
                .body("data[0].refunded", equalTo(false));
    }

    @Test
    void shouldKeepALostDisputeThatArrivedBeforeThePayment() {
        send("charge.dispute.closed.lost").statusCode(200);
        send("checkout.session.completed.payment").statusCode(200);
        stored(websiteId, PAYMENT_INTENT).body("data", hasSize(1))
                .body("data[0].amount", amount("29.99"))
                .body("data[0].refunded_amount", amount("19.99"))
                .body("data[0].refunded", equalTo(false));
    }

    @Test
    void shouldIgnoreAWonDisputeWithItsReason() {
        send("checkout.session.completed.payment");
        Object before = payments(websiteId);
        send("charge.dispute.closed.won").statusCode(200)
                .body("message", equalTo("Event ignored"))
                .body("event", equalTo("charge.dispute.closed"))
                .body("reason", equalTo("the dispute is won, not lost"));
        assertEquals(before, payments(websiteId));
    }

    private ValidatableResponse send(String name) {
        return deliver("stripe", websiteId, secret, fixture("stripe", name));
    }
}
