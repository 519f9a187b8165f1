package dev.payments.webhooks.stripeimport;

import static dev.payments.support.Fixtures.BOOTSTRAP;
import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.token;
import static dev.payments.support.Fixtures.website;
import static dev.payments.webhooks.Deliveries.amount;
import static dev.payments.webhooks.Deliveries.connect;
import static dev.payments.webhooks.Deliveries.deliver;
import static dev.payments.webhooks.Deliveries.fixture;
import static dev.payments.webhooks.Deliveries.payments;
import static dev.payments.webhooks.Deliveries.stored;
import static dev.payments.webhooks.stripeimport.ImportCalls.CREATED;
import static dev.payments.webhooks.stripeimport.ImportCalls.PATH;
import static dev.payments.webhooks.stripeimport.ImportCalls.PATIENCE;
import static dev.payments.webhooks.stripeimport.ImportCalls.charge;
import static dev.payments.webhooks.stripeimport.ImportCalls.finished;
import static dev.payments.webhooks.stripeimport.ImportCalls.invoice;
import static dev.payments.webhooks.stripeimport.ImportCalls.key;
import static dev.payments.webhooks.stripeimport.ImportCalls.object;
import static dev.payments.webhooks.stripeimport.ImportCalls.refund;
import static dev.payments.webhooks.stripeimport.ImportCalls.session;
import static dev.payments.webhooks.stripeimport.ImportCalls.start;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.payments.support.Eventually;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Stripe history import (contract section 8) against {@link FakeStripe}: Stripe's documented list pages, of two
 * objects each here so that every list is paged, and its 429s and 500s.
 */
@QuarkusTest
@TestProfile(AgainstFakeStripe.class)
class StripeImportTest {


    @Test
    void shouldRecordPaidSessionsInvoicesAndRefundsFromEveryPage() {
        String websiteId = website().id();
        String key = key();
        ObjectNode refundedSession = session(3, "pi_refunded");
        FakeStripe.account(key)
                .with("/v1/invoices", invoice(3, "in_third"), invoice(2, "in_second"), invoice(1, "in_first"))
                .with("/v1/checkout/sessions", refundedSession, session(2, "pi_second"), session(1, "pi_first"),
                        session(0, "pi_unpaid").put("payment_status", "unpaid"))
                .with("/v1/refunds", refund(charge("ch_refunded", "pi_refunded")));
        start(websiteId, key).statusCode(202)
                .body("status", equalTo("success"))
                .body("data[0].id", notNullValue())
                .body("data[0].state", equalTo("running"));
        finished(websiteId).body("data[0].state", equalTo("done"))
                .body("data[0].reason", nullValue())
                .body("data[0].payments", equalTo(6))
                .body("data[0].refunds", equalTo(1))
                .body("data[0].skipped", equalTo(1))
                .body("data[0].finishedAt", notNullValue());
        assertEquals(6, ((List<?>) payments(websiteId)).size());
        stored(websiteId, "in_second").body("data[0].amount.toString()", equalTo("19"));
        stored(websiteId, "pi_first").body("data[0].customer_email", equalTo("jenny.rosen@example.com"));
        stored(websiteId, "pi_refunded").body("data[0].refunded", equalTo(true));
        stored(websiteId, "pi_unpaid").body("data", hasSize(0));
    }

    @Test
    void shouldAddALostDisputeToTheRefundsOfItsPayment() {
        String websiteId = website().id();
        String key = key();
        ObjectNode lost = object("charge.dispute.closed.lost").put("payment_intent", "pi_disputed")
                .put("created", CREATED + 5);
        FakeStripe.account(key)
                .with("/v1/checkout/sessions", session(1, "pi_disputed").put("amount_total", 2999))
                .with("/v1/disputes", lost, object("charge.dispute.closed.won").put("created", CREATED + 4));
        start(websiteId, key).statusCode(202);
        finished(websiteId).body("data[0].state", equalTo("done"))
                .body("data[0].payments", equalTo(1))
                .body("data[0].refunds", equalTo(1))
                .body("data[0].skipped", equalTo(1));
        stored(websiteId, "pi_disputed").body("data[0].refunded_amount", amount("19.99"))
                .body("data[0].refunded", equalTo(false));
    }

    @Test
    void shouldAddNothingOnASecondImport() {
        String websiteId = website().id();
        String key = key();
        FakeStripe.account(key)
                .with("/v1/invoices", invoice(1, "in_once"))
                .with("/v1/checkout/sessions", session(2, "pi_twice"), session(1, "pi_once"))
                .with("/v1/refunds", refund(charge("ch_twice", "pi_twice")));
        start(websiteId, key).statusCode(202);
        finished(websiteId).body("data[0].state", equalTo("done"));
        Object first = payments(websiteId);
        start(websiteId, key).statusCode(202);
        finished(websiteId).body("data[0].state", equalTo("done"))
                .body("data[0].payments", equalTo(0))
                .body("data[0].refunds", equalTo(0))
                .body("data[0].skipped", equalTo(4));
        assertEquals(first, payments(websiteId));
    }

    @Test
    void shouldAddNothingTheWebhooksAlreadyRecorded() {
        String websiteId = website().id();
        String secret = connect(websiteId, "stripe");
        for (String event : List.of("invoice.paid", "checkout.session.completed.subscription",
                "checkout.session.completed.payment", "charge.refunded")) {
            deliver("stripe", websiteId, secret, fixture("stripe", event)).statusCode(200);
        }
        Object delivered = payments(websiteId);
        String key = key();
        FakeStripe.account(key)
                .with("/v1/invoices", object("invoice.paid"))
                .with("/v1/checkout/sessions", object("checkout.session.completed.subscription"),
                        object("checkout.session.completed.payment"))
                .with("/v1/refunds", refund(object("charge.refunded")));
        start(websiteId, key).statusCode(202);
        finished(websiteId).body("data[0].state", equalTo("done"))
                .body("data[0].payments", equalTo(0))
                .body("data[0].refunds", equalTo(0))
                .body("data[0].skipped", equalTo(4));
        assertEquals(delivered, payments(websiteId));
    }

    @Test
    void shouldReadOnlyWhatWasCreatedSince() {
        String websiteId = website().id();
        String key = key();
        FakeStripe.Account account = FakeStripe.account(key)
                .with("/v1/checkout/sessions", session(100, "pi_recent"), session(1, "pi_old"));
        as(BOOTSTRAP).contentType(ContentType.JSON)
                .body(Map.of("apiKey", key, "since", Instant.ofEpochSecond(CREATED + 50).toString()))
                .post(PATH, websiteId).then().statusCode(202)
                .body("data[0].since", equalTo(Instant.ofEpochSecond(CREATED + 50).toString()));
        finished(websiteId).body("data[0].payments", equalTo(1));
        stored(websiteId, "pi_old").body("data", hasSize(0));
        assertTrue(account.requests().stream().allMatch(r -> r.contains("created%5Bgte%5D=" + (CREATED + 50))));
    }

    @Test
    void shouldWaitAndAskAgainAfterA429() {
        String websiteId = website().id();
        String key = key();
        FakeStripe.Account account = FakeStripe.account(key).with("/v1/invoices", invoice(1, "in_after_429"));
        account.fault(429);
        start(websiteId, key).statusCode(202);
        finished(websiteId).body("data[0].state", equalTo("done")).body("data[0].payments", equalTo(1));
        assertEquals(2, account.requests().stream().filter(r -> r.startsWith("/v1/invoices")).count());
    }

    @Test
    void shouldFailWithAReasonOfItsOwnWhenStripeKeepsAnswering500() {
        String websiteId = website().id();
        String key = key();
        FakeStripe.account(key).alwaysFailWith(500);
        start(websiteId, key).statusCode(202);
        finished(websiteId).body("data[0].state", equalTo("failed"))
                .body("data[0].reason", equalTo("Stripe answered 500 to /v1/invoices (3 attempts)"))
                .body(not(containsString(key)));
    }

    @Test
    void shouldFailWhenStripeRefusesTheKey() {
        String websiteId = website().id();
        FakeStripe.account(key());
        start(websiteId, key()).statusCode(202);
        finished(websiteId).body("data[0].state", equalTo("failed"))
                .body("data[0].reason", equalTo("Stripe did not accept the API key (401)"));
    }

    @Test
    void shouldAnswer409WhileAnImportOfTheWebsiteRuns() {
        String websiteId = website().id();
        String key = key();
        FakeStripe.Account account = FakeStripe.account(key);
        account.holdRequests();
        try {
            start(websiteId, key).statusCode(202);
            assertTrue(Eventually.within(PATIENCE, () -> !account.requests().isEmpty()));
            as(BOOTSTRAP).get(PATH, websiteId).then().statusCode(200).body("data[0].state", equalTo("running"));
            start(websiteId, key).statusCode(409).body("error.message",
                    equalTo("a Stripe import of website " + websiteId + " is already running"));
        } finally {
            account.release();
        }
        finished(websiteId).body("data[0].state", equalTo("done"));
    }

    @Test
    void shouldRefuseATokenWithoutPaymentsWrite() {
        String websiteId = website().id();
        String token = token(List.of("websites:write", "websites:read"), websiteId);
        as(token).contentType(ContentType.JSON).body(Map.of("apiKey", key()))
                .post(PATH, websiteId).then().statusCode(403)
                .body("error.message", containsString("payments:write"));
        as(token).get(PATH, websiteId).then().statusCode(404);
    }

    @Test
    void shouldRefuseAKeyThatIsNotAStripeKeyWithoutRepeatingIt() {
        as(BOOTSTRAP).contentType(ContentType.JSON).body(Map.of("apiKey", "pk_live_publishable"))
                .post(PATH, website().id()).then().statusCode(400)
                .body("error.message", containsString("apiKey"))
                .body(not(containsString("pk_live_publishable")));
    }

    @Test
    void shouldRefuseASinceThatIsNotAnInstant() {
        as(BOOTSTRAP).contentType(ContentType.JSON).body(Map.of("apiKey", key(), "since", "last tuesday"))
                .post(PATH, website().id()).then().statusCode(400)
                .body("error.message", containsString("since"));
    }

    @Test
    void shouldAnswer404ForAnUnknownWebsite() {
        start("0123456789abcdef01234567", key()).statusCode(404);
    }

}
