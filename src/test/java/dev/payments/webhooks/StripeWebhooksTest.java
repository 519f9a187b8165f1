package dev.payments.webhooks;

import static dev.payments.support.Fixtures.website;
import static dev.payments.webhooks.Deliveries.assertSameInEitherOrder;
import static dev.payments.webhooks.Deliveries.connect;
import static dev.payments.webhooks.Deliveries.deliver;
import static dev.payments.webhooks.Deliveries.fixture;
import static dev.payments.webhooks.Deliveries.payments;
import static dev.payments.webhooks.Deliveries.stored;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.payments.support.Race;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Stripe's events, as contract section 8 maps them, from Stripe's documented payloads signed as Stripe signs them. */
@QuarkusTest
class StripeWebhooksTest {

    private static final String PAYMENT_INTENT = "pi_3RlHe1R7UUImIKwk0Xq1Yb2c";
    private static final String INVOICE = "in_1RlHf2R7UUImIKwkA8bC9dEf";
    private static final String VISITOR = "3cff4252-fa96-4fec-8b1b-b5695e763b65";

    private String websiteId;
    private String secret;

    @BeforeEach
    void connectStripe() {
        websiteId = website().id();
        secret = connect(websiteId, "stripe");
    }

    @Test
    void shouldRecordAPaidCheckoutUnderItsPaymentIntent() {
        send("checkout.session.completed.payment").statusCode(200)
                .body("message", equalTo("Payment recorded"))
                .body("transaction_id", equalTo(PAYMENT_INTENT));
        stored(websiteId, PAYMENT_INTENT).body("data", hasSize(1))
                .body("data[0].amount", equalTo(new BigDecimal("29.99")))
                .body("data[0].currency", equalTo("USD"))
                .body("data[0].datafast_visitor_id", equalTo(VISITOR))
                .body("data[0].datafast_session_id", equalTo("s_3cff4252fa964fec"))
                .body("data[0].customer_email", equalTo("jenny.rosen@example.com"))
                .body("data[0].customer_name", equalTo("Jenny Rosen"))
                .body("data[0].customer_id", equalTo("cus_SgfKx2d9QwErTy"))
                .body("data[0].renewal", equalTo(false))
                .body("data[0].timestamp", equalTo("2025-07-15T22:46:44Z"));
    }

    @Test
    void shouldRecordASubscriptionCheckoutUnderItsInvoice() {
        send("checkout.session.completed.subscription").statusCode(200)
                .body("message", equalTo("Payment recorded"))
                .body("transaction_id", equalTo(INVOICE));
    }

    @Test
    void shouldRecordAPaidInvoiceWithTheSubscriptionsVisitor() {
        send("invoice.paid").statusCode(200).body("transaction_id", equalTo(INVOICE));
        stored(websiteId, INVOICE)
                .body("data[0].amount", equalTo(19))
                .body("data[0].renewal", equalTo(false))
                .body("data[0].datafast_visitor_id", equalTo(VISITOR))
                .body("data[0].customer_email", equalTo("jenny.rosen@example.com"));
    }

    @Test
    void shouldRecordASubscriptionCycleInvoiceAsARenewal() {
        send("invoice.paid.renewal").statusCode(200).body("message", equalTo("Payment recorded"));
        stored(websiteId, "in_1RuQk7R7UUImIKwkP4mN6bVc").body("data[0].renewal", equalTo(true))
                .body("data[0].timestamp", equalTo("2025-08-15T23:48:42Z"));
    }

    @Test
    void shouldMarkThePaymentRefundedWhenItsChargeIsRefundedInFull() {
        send("checkout.session.completed.payment");
        send("charge.refunded").statusCode(200)
                .body("message", equalTo("Payment marked as refunded"))
                .body("transaction_id", equalTo(PAYMENT_INTENT));
        stored(websiteId, PAYMENT_INTENT).body("data", hasSize(1))
                .body("data[0].refunded", equalTo(true))
                .body("data[0].refunded_at", equalTo("2025-07-18T22:46:41Z"));
    }

    @Test
    void shouldRecordATrialingSubscriptionAsAFreeTrial() {
        send("customer.subscription.created.trialing").statusCode(200)
                .body("message", equalTo("Free trial recorded"))
                .body("transaction_id", equalTo("sub_1RlJx0R7UUImIKwkTr1aLb2C"));
        stored(websiteId, "sub_1RlJx0R7UUImIKwkTr1aLb2C")
                .body("data[0].is_free_trial", equalTo(true))
                .body("data[0].amount", equalTo(0))
                .body("data[0].datafast_visitor_id", equalTo(VISITOR));
    }

    @Test
    void shouldAnswerAnEventItDoesNotUseWithEventIgnored() {
        send("payment_intent.created").statusCode(200)
                .body("message", equalTo("Event ignored"))
                .body("event", equalTo("payment_intent.created"))
                .body("reason", nullValue());
        assertEquals(0, ((List<?>) payments(websiteId)).size());
    }

    @Test
    void shouldIgnoreACheckoutThatIsNotPaid() {
        String unpaid = fixture("stripe", "checkout.session.completed.payment")
                .replace("\"payment_status\": \"paid\"", "\"payment_status\": \"unpaid\"");
        deliver("stripe", websiteId, secret, unpaid).statusCode(200)
                .body("message", equalTo("Event ignored"))
                .body("reason", equalTo("payment_status is unpaid, not paid"));
    }

    @Test
    void shouldConvertMinorUnitsWithTheCurrencysOwnExponent() {
        String yen = fixture("stripe", "checkout.session.completed.payment").replace("\"usd\"", "\"jpy\"");
        deliver("stripe", websiteId, secret, yen).statusCode(200);
        stored(websiteId, PAYMENT_INTENT).body("data[0].amount", equalTo(2999))
                .body("data[0].currency", equalTo("JPY"));
    }

    @Test
    void shouldChangeNothingWhenAnEventIsDeliveredAgain() {
        send("checkout.session.completed.payment");
        Object before = payments(websiteId);
        send("checkout.session.completed.payment").statusCode(200)
                .body("message", equalTo("Event ignored"))
                .body("reason", equalTo("event evt_1RlHe3R7UUImIKwkQOxX4eYe was already processed"));
        assertEquals(before, payments(websiteId));
    }

    @Test
    void shouldEndTheSameWhenTheRefundArrivesBeforeThePayment() {
        assertSameInEitherOrder("stripe", "checkout.session.completed.payment", "charge.refunded");
    }

    @Test
    void shouldEndTheSameWhenTheInvoiceArrivesBeforeTheCheckout() {
        assertSameInEitherOrder("stripe", "checkout.session.completed.subscription", "invoice.paid");
    }

    @Test
    void shouldEndAsInOrderWhenThePaymentAndItsRefundArriveAtOnce() throws Exception {
        send("checkout.session.completed.payment");
        send("charge.refunded");
        for (int round = 0; round < 5; round++) {
            String concurrent = website().id();
            String otherSecret = connect(concurrent, "stripe");
            List<Integer> statuses = Race.run(
                    () -> deliver("stripe", concurrent, otherSecret, fixture("stripe", "charge.refunded"))
                            .extract().statusCode(),
                    () -> deliver("stripe", concurrent, otherSecret, fixture("stripe",
                            "checkout.session.completed.payment")).extract().statusCode());
            assertEquals(List.of(200, 200), statuses);
            assertEquals(payments(websiteId), payments(concurrent));
        }
    }

    @Test
    void shouldDateASubscriptionsPaymentByItsInvoiceWhenTheCheckoutCameFirst() {
        send("checkout.session.completed.subscription");
        send("invoice.paid").statusCode(200).body("message", equalTo("Payment recorded"));
        stored(websiteId, INVOICE).body("data", hasSize(1))
                .body("data[0].timestamp", equalTo("2025-07-15T22:48:43Z"))
                .body("data[0].datafast_visitor_id", equalTo(VISITOR));
    }

    @Test
    void shouldRecordARefundThatArrivesFirstThenCompleteItWithThePayment() {
        send("charge.refunded").statusCode(200).body("message", equalTo("Refund recorded"));
        send("checkout.session.completed.payment").statusCode(200).body("message", equalTo("Payment recorded"));
        stored(websiteId, PAYMENT_INTENT).body("data", hasSize(1))
                .body("data[0].refunded", equalTo(true))
                .body("data[0].datafast_visitor_id", equalTo(VISITOR))
                .body("data[0].timestamp", equalTo("2025-07-15T22:46:44Z"));
    }

    @Test
    void shouldRefuseAnEventWhoseAmountTheContractRefuses() {
        String negative = fixture("stripe", "checkout.session.completed.payment")
                .replace("\"amount_total\": 2999", "\"amount_total\": -2999");
        deliver("stripe", websiteId, secret, negative).statusCode(200)
                .body("message", equalTo("Event ignored"))
                .body("event", equalTo("checkout.session.completed"))
                .body("reason", equalTo("amount must be greater than or equal to 0"));
        assertEquals(0, ((List<?>) payments(websiteId)).size());
    }

    private ValidatableResponse send(String name) {
        return deliver("stripe", websiteId, secret, fixture("stripe", name));
    }
}
