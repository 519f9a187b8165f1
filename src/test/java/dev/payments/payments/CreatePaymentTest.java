package dev.payments.payments;

import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.payment;
import static dev.payments.support.Fixtures.record;
import static dev.payments.support.Fixtures.unique;
import static dev.payments.support.Fixtures.website;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payments.support.Fixtures.TestWebsite;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every outcome of POST /api/v1/payments (contract section 2). */
@QuarkusTest
class CreatePaymentTest {

    private TestWebsite site;

    @BeforeEach
    void newWebsite() {
        site = website();
    }

    @Test
    void shouldRecordANewPaymentWithAPlainResponse() {
        String tx = unique("tx");
        as(site.key()).contentType(ContentType.JSON).body(payment(tx))
                .post("/api/v1/payments")
                .then().statusCode(200)
                .body("message", equalTo("Payment recorded"))
                .body("transaction_id", equalTo(tx))
                .body("status", nullValue());
        stored(tx)
                .body("amount", equalTo(new BigDecimal("29.99")))
                .body("currency", equalTo("USD"))
                .body("is_free_trial", equalTo(false))
                .body("refunded", equalTo(false))
                .body("renewal", equalTo(false))
                .body("timestamp", notNullValue());
    }

    @Test
    void shouldStoreEveryFieldAsSent() {
        String tx = unique("tx");
        Map<String, Object> body = payment(tx);
        body.putAll(Map.of("datafast_visitor_id", "visitor-1", "customer_email", "a@example.com",
                "customer_name", "Ada", "customer_id", "cus_1", "renewal", true,
                "timestamp", "2026-05-19T14:00:00+02:00"));
        record(site, body);
        stored(tx)
                .body("datafast_visitor_id", equalTo("visitor-1"))
                .body("customer_email", equalTo("a@example.com"))
                .body("customer_name", equalTo("Ada"))
                .body("customer_id", equalTo("cus_1"))
                .body("renewal", equalTo(true))
                .body("timestamp", equalTo("2026-05-19T12:00:00Z"));
    }

    @Test
    void shouldAcceptTheEmailAndNameAliases() {
        String tx = unique("tx");
        Map<String, Object> body = payment(tx);
        body.putAll(Map.of("email", "b@example.com", "name", "Bob"));
        record(site, body);
        stored(tx).body("customer_email", equalTo("b@example.com")).body("customer_name", equalTo("Bob"));
    }

    @Test
    void shouldKeepAmountsExactly() {
        String tx = unique("tx");
        record(site, payment(tx, "amount", new BigDecimal("12345678901.12345678")));
        stored(tx).body("amount", equalTo(new BigDecimal("12345678901.12345678")));
    }

    @Test
    void shouldAcceptANumericStringAmount() {
        String tx = unique("tx");
        record(site, payment(tx, "amount", "10.50"));
        stored(tx).body("amount", equalTo(new BigDecimal("10.5")));
    }

    @Test
    void shouldStoreTheCurrencyUpperCase() {
        String tx = unique("tx");
        record(site, payment(tx, "currency", "eur"));
        stored(tx).body("currency", equalTo("EUR"));
    }

    @Test
    void shouldRecordAZeroAmountAsAFreeTrial() {
        String tx = unique("tx");
        assertEquals("Free trial recorded", record(site, payment(tx, "amount", 0)));
        stored(tx).body("is_free_trial", equalTo(true));
    }

    @Test
    void shouldLetTheClientSayAPaidPaymentIsAFreeTrial() {
        String tx = unique("tx");
        assertEquals("Free trial recorded", record(site, payment(tx, "is_free_trial", true)));
    }

    @Test
    void shouldRecordANewRefund() {
        String tx = unique("tx");
        assertEquals("Refund recorded", record(site, payment(tx, "refunded", true)));
        stored(tx).body("refunded", equalTo(true)).body("refunded_at", notNullValue());
    }

    @Test
    void shouldSkipADuplicate() {
        String tx = unique("tx");
        record(site, payment(tx));
        assertEquals("Payment already recorded; duplicate skipped", record(site, payment(tx, "amount", 99)));
        stored(tx).body("amount", equalTo(new BigDecimal("29.99")));
    }

    @Test
    void shouldAttributeAStoredPaymentToALateVisitor() {
        String tx = unique("tx");
        record(site, payment(tx));
        assertEquals("Payment attributed to visitor",
                record(site, payment(tx, "datafast_visitor_id", "late-visitor")));
        stored(tx).body("datafast_visitor_id", equalTo("late-visitor"));
    }

    @Test
    void shouldStoreAndReturnTheSessionId() {
        String tx = unique("tx");
        record(site, payment(tx, "datafast_visitor_id", "visitor", "datafast_session_id", "session-1"));
        stored(tx).body("datafast_session_id", equalTo("session-1"));
    }

    @Test
    void shouldAttributeAStoredPaymentToALateSession() {
        String tx = unique("tx");
        record(site, payment(tx));
        assertEquals("Payment attributed to visitor",
                record(site, payment(tx, "datafast_session_id", "late-session")));
        stored(tx).body("datafast_session_id", equalTo("late-session"));
        assertEquals("Payment already recorded; duplicate skipped",
                record(site, payment(tx, "datafast_session_id", "another-session")));
        stored(tx).body("datafast_session_id", equalTo("late-session"));
    }

    @Test
    void shouldNotReplaceAVisitorAlreadyAttributed() {
        String tx = unique("tx");
        record(site, payment(tx, "datafast_visitor_id", "first"));
        assertEquals("Payment already recorded; duplicate skipped",
                record(site, payment(tx, "datafast_visitor_id", "second")));
        stored(tx).body("datafast_visitor_id", equalTo("first"));
    }

    @Test
    void shouldMarkAStoredPaymentRefunded() {
        String tx = unique("tx");
        record(site, payment(tx));
        Map<String, Object> refund = payment(tx, "refunded", true);
        assertEquals("Payment marked as refunded", record(site, refund));
        stored(tx).body("refunded", equalTo(true)).body("refunded_at", notNullValue());
        assertEquals("Payment already recorded; duplicate skipped", record(site, refund));
    }

    @Test
    void shouldRefundAndAttributeInOneRequest() {
        String tx = unique("tx");
        record(site, payment(tx));
        assertEquals("Payment marked as refunded and attributed to visitor",
                record(site, payment(tx, "refunded", true, "datafast_visitor_id", "v")));
    }

    @Test
    void shouldIgnoreUnknownFieldsAndFieldsAClientMustNotSet() {
        String tx = unique("tx");
        Map<String, Object> body = payment(tx);
        body.putAll(Map.of("id", 1, "website_id", "someone-else", "created_at", "2001-01-01T00:00:00Z", "x", "y"));
        assertEquals("Payment recorded", record(site, body));
        stored(tx).body("transaction_id", equalTo(tx));
    }

    @Test
    void shouldDefaultTheTimestampToNow() {
        String tx = unique("tx");
        record(site, payment(tx));
        String timestamp = stored(tx).extract().path("data[0].timestamp");
        long age = System.currentTimeMillis() - java.time.Instant.parse(timestamp).toEpochMilli();
        assertTrue(age >= -5_000 && age < 60_000, "timestamp " + timestamp + " is not about now");
    }

    private ValidatableResponse stored(String tx) {
        return as(site.key()).queryParam("transaction_id", tx).get("/api/v1/payments")
                .then().statusCode(200).rootPath("data[0]");
    }
}
