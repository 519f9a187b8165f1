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

/** Lemon Squeezy's events, as contract section 8 maps them, from its documented payloads signed as it signs them. */
@QuarkusTest
class LemonSqueezyWebhooksTest {

    private static final String ORDER = "5734121";

    private String websiteId;
    private String secret;

    @BeforeEach
    void connectLemonSqueezy() {
        websiteId = website().id();
        secret = connect(websiteId, "lemonsqueezy");
    }

    @Test
    void shouldRecordAPaidOrderWithTheVisitorFromCustomData() {
        send("order_created").statusCode(200)
                .body("message", equalTo("Payment recorded"))
                .body("transaction_id", equalTo(ORDER));
        stored(websiteId, ORDER).body("data", hasSize(1))
                .body("data[0].amount", equalTo(new BigDecimal("29.99")))
                .body("data[0].currency", equalTo("USD"))
                .body("data[0].datafast_visitor_id", equalTo("3cff4252-fa96-4fec-8b1b-b5695e763b65"))
                .body("data[0].datafast_session_id", equalTo("s_3cff4252fa964fec"))
                .body("data[0].customer_email", equalTo("jenny.rosen@example.com"))
                .body("data[0].customer_id", equalTo("3187422"))
                .body("data[0].timestamp", equalTo("2025-07-15T22:46:42Z"));
    }

    @Test
    void shouldRecordARenewalPaymentOfASubscription() {
        send("subscription_payment_success").statusCode(200)
                .body("message", equalTo("Payment recorded"))
                .body("transaction_id", equalTo("subscription-invoices:2973961"));
        stored(websiteId, "subscription-invoices:2973961").body("data[0].renewal", equalTo(true))
                .body("data[0].amount", equalTo(19));
    }

    @Test
    void shouldIgnoreASubscriptionsFirstPaymentWhichItsOrderRecords() {
        String initial = fixture("lemonsqueezy", "subscription_payment_success")
                .replace("\"billing_reason\": \"renewal\"", "\"billing_reason\": \"initial\"");
        deliver("lemonsqueezy", websiteId, secret, initial).statusCode(200)
                .body("message", equalTo("Event ignored"))
                .body("reason", equalTo("the first payment of a subscription is recorded from order_created"));
    }

    @Test
    void shouldMarkARefundedOrderRefunded() {
        send("order_created");
        send("order_refunded").statusCode(200).body("message", equalTo("Payment marked as refunded"));
        stored(websiteId, ORDER).body("data[0].refunded", equalTo(true))
                .body("data[0].refunded_at", equalTo("2025-07-18T09:12:31Z"));
    }

    @Test
    void shouldEndTheSameWhenTheRefundArrivesBeforeTheOrder() {
        assertSameInEitherOrder("lemonsqueezy", "order_created", "order_refunded");
    }

    @Test
    void shouldAnswerAPartialRefundWithTheOrderItRefunds() {
        send("order_created");
        send("order_refunded.partial").statusCode(200)
                .body("message", not(equalTo("Event ignored")))
                .body("transaction_id", equalTo(ORDER));
    }

    @Test
    void shouldStoreAPartialRefundAsTheRefundedTotal() {
        send("order_created");
        send("order_refunded.partial");
        stored(websiteId, ORDER).body("data[0].refunded_amount", amount("10.00"))
                .body("data[0].refunded", equalTo(false))
                .body("data[0].refunded_at", equalTo("2025-07-18T09:12:31Z"));
    }

    @Test
    void shouldKeepTheHigherTotalWhenTwoPartialRefundsArriveInReverseOrder() {
        send("order_created");
        send("order_refunded.partial.second").statusCode(200);
        send("order_refunded.partial").statusCode(200);
        stored(websiteId, ORDER).body("data[0].refunded_amount", amount("20.00"))
                .body("data[0].refunded", equalTo(false));
    }

    @Test
    void shouldKeepThePartialTotalOfARefundThatArrivedBeforeTheOrder() {
        send("order_refunded.partial").statusCode(200).body("transaction_id", equalTo(ORDER));
        send("order_created").statusCode(200);
        stored(websiteId, ORDER).body("data", hasSize(1))
                .body("data[0].amount", amount("29.99"))
                .body("data[0].refunded_amount", amount("10.00"))
                .body("data[0].refunded", equalTo(false));
    }

    @Test
    void shouldEndTheSameWhenAPartialRefundArrivesBeforeTheOrder() {
        assertSameInEitherOrder("lemonsqueezy", "order_created", "order_refunded.partial");
    }

    private ValidatableResponse send(String name) {
        return deliver("lemonsqueezy", websiteId, secret, fixture("lemonsqueezy", name));
    }
}
