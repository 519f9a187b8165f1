package dev.payments.webhooks;

import static dev.payments.support.Fixtures.website;
import static dev.payments.webhooks.Deliveries.amount;
import static dev.payments.webhooks.Deliveries.assertSameInEitherOrder;
import static dev.payments.webhooks.Deliveries.connect;
import static dev.payments.webhooks.Deliveries.deliver;
import static dev.payments.webhooks.Deliveries.fixture;
import static dev.payments.webhooks.Deliveries.payments;
import static dev.payments.webhooks.Deliveries.stored;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Paddle Billing's events, as contract section 8 maps them, from its documented payloads signed as it signs them. */
@QuarkusTest
class PaddleWebhooksTest {

    private static final String TRANSACTION = "txn_01k07x4a7b3c9d2e5f8g1h4j6k";

    private String websiteId;
    private String secret;

    @BeforeEach
    void connectPaddle() {
        websiteId = website().id();
        secret = connect(websiteId, "paddle");
    }

    @Test
    void shouldRecordACompletedTransactionFromItsGrandTotalInMinorUnits() {
        send("transaction.completed").statusCode(200)
                .body("message", equalTo("Payment recorded"))
                .body("transaction_id", equalTo(TRANSACTION));
        stored(websiteId, TRANSACTION).body("data", hasSize(1))
                .body("data[0].amount", equalTo(new BigDecimal("32.65")))
                .body("data[0].currency", equalTo("USD"))
                .body("data[0].renewal", equalTo(false))
                .body("data[0].datafast_visitor_id", equalTo("3cff4252-fa96-4fec-8b1b-b5695e763b65"))
                .body("data[0].customer_id", equalTo("ctm_01k07x3q2m8v5c6b9n4z1r7t2y"))
                .body("data[0].timestamp", equalTo("2025-07-15T22:46:41.806431Z"));
    }

    @Test
    void shouldRecordARecurringTransactionAsARenewal() {
        send("transaction.completed.renewal").statusCode(200);
        stored(websiteId, "txn_01k2qk7m9p1r3t5v7x9z1b3d5f").body("data[0].renewal", equalTo(true));
    }

    @Test
    void shouldUseTheCurrencysOwnExponent() {
        String dinars = fixture("paddle", "transaction.completed").replace("\"USD\"", "\"BHD\"");
        deliver("paddle", websiteId, secret, dinars).statusCode(200);
        stored(websiteId, TRANSACTION).body("data[0].amount", equalTo(new BigDecimal("3.265")))
                .body("data[0].currency", equalTo("BHD"));
    }

    @Test
    void shouldIgnoreARefundAwaitingApproval() {
        send("transaction.completed");
        send("adjustment.created").statusCode(200)
                .body("message", equalTo("Event ignored"))
                .body("event", equalTo("adjustment.created"))
                .body("reason", equalTo("the refund is pending_approval, not approved"));
        stored(websiteId, TRANSACTION).body("data[0].refunded", equalTo(false));
    }

    @Test
    void shouldMarkTheTransactionRefundedOnceTheFullRefundIsApproved() {
        send("transaction.completed");
        send("adjustment.updated").statusCode(200).body("message", equalTo("Payment marked as refunded"));
        stored(websiteId, TRANSACTION).body("data[0].refunded", equalTo(true))
                .body("data[0].refunded_at", equalTo("2025-07-18T09:22:04.118032Z"));
    }

    @Test
    void shouldEndTheSameWhenTheRefundArrivesBeforeTheTransaction() {
        assertSameInEitherOrder("paddle", "transaction.completed", "adjustment.updated");
    }

    @Test
    void shouldRefuseASignatureHeaderWithMoreThanEightEntriesAndStoreNothing() {
        String body = fixture("paddle", "transaction.completed");
        String signed = Deliveries.signatureHeaders("paddle", secret, body, Instant.now()).get("Paddle-Signature");
        String header = signed + ";h1=00".repeat(8);
        deliver("paddle", websiteId, Map.of("Paddle-Signature", header), body).statusCode(400)
                .body("error.code", equalTo(400))
                .body("error.message", containsString("too many signatures"));
        assertEquals(List.of(), payments(websiteId));
    }

    @Test
    void shouldAcceptEightEntriesOneOfThemValid() {
        String body = fixture("paddle", "transaction.completed");
        String signed = Deliveries.signatureHeaders("paddle", secret, body, Instant.now()).get("Paddle-Signature");
        deliver("paddle", websiteId, Map.of("Paddle-Signature", signed + ";h1=00".repeat(7)), body).statusCode(200);
    }

    @Test
    void shouldAnswerAnApprovedPartialRefundWithTheTransactionItRefunds() {
        send("transaction.completed");
        send("adjustment.updated.partial").statusCode(200)
                .body("message", not(equalTo("Event ignored")))
                .body("transaction_id", equalTo(TRANSACTION));
    }

    @Test
    void shouldAddEachApprovedPartialRefundToTheRefundedTotal() {
        send("transaction.completed");
        send("adjustment.updated.partial");
        send("adjustment.updated.partial.second");
        stored(websiteId, TRANSACTION).body("data[0].refunded_amount", amount("22.65"))
                .body("data[0].refunded", equalTo(false))
                .body("data[0].refunded_at", equalTo("2025-07-19T08:41:17.230946Z"));
    }

    @Test
    void shouldEndTheSameWhenTwoPartialRefundsArriveInReverseOrder() {
        send("transaction.completed");
        send("adjustment.updated.partial.second");
        send("adjustment.updated.partial");
        stored(websiteId, TRANSACTION).body("data[0].refunded_amount", amount("22.65"));
    }

    @Test
    void shouldCountAnAdjustmentOnceWhenItArrivesAsCreatedAndAsUpdated() {
        send("transaction.completed");
        deliver("paddle", websiteId, secret, fixture("paddle", "adjustment.updated.partial")
                .replace("\"adjustment.updated\"", "\"adjustment.created\"")
                .replace("ntf_01k0e4r2c5e7g9j1l3n5q7s9u1", "ntf_01k0e4q9z1b3d5f7h9k1m3p5r7")).statusCode(200);
        send("adjustment.updated.partial").statusCode(200);
        stored(websiteId, TRANSACTION).body("data[0].refunded_amount", amount("10.00"));
    }

    @Test
    void shouldKeepAPartialRefundThatArrivedBeforeTheTransaction() {
        send("adjustment.updated.partial").statusCode(200);
        send("transaction.completed").statusCode(200);
        stored(websiteId, TRANSACTION).body("data", hasSize(1))
                .body("data[0].amount", amount("32.65"))
                .body("data[0].refunded_amount", amount("10.00"))
                .body("data[0].refunded", equalTo(false));
    }

    @Test
    void shouldKeepEveryPartialRefundThatArrivedBeforeTheTransaction() {
        // the first refund's row holds its amount, 10.00, until the transaction restates it: the second passes it
        send("adjustment.updated.partial").statusCode(200);
        send("adjustment.updated.partial.second").statusCode(200);
        send("transaction.completed").statusCode(200);
        stored(websiteId, TRANSACTION).body("data[0].amount", amount("32.65"))
                .body("data[0].refunded_amount", amount("22.65"))
                .body("data[0].refunded", equalTo(false));
    }

    private ValidatableResponse send(String name) {
        return deliver("paddle", websiteId, secret, fixture("paddle", name));
    }
}
