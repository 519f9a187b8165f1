package dev.payments.payments;

import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.payment;
import static dev.payments.support.Fixtures.record;
import static dev.payments.support.Fixtures.unique;
import static dev.payments.support.Fixtures.website;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.payments.support.Fixtures.TestWebsite;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** refunded_amount on POST /api/v1/payments: the cumulative total refunded so far (contract section 2). */
@QuarkusTest
class PartialRefundTest {

    private TestWebsite site;
    private String tx;

    @BeforeEach
    void paidHundred() {
        site = website();
        tx = unique("tx");
        record(site, payment(tx, "amount", 100));
    }

    @Test
    void shouldRecordAPartialRefundAsTheTotalSoFar() {
        assertEquals("Partial refund recorded", refund("25"));
        stored().body("refunded", equalTo(false))
                .body("refunded_amount", equalTo(25))
                .body("refunded_at", notNullValue());
    }

    @Test
    void shouldMarkThePaymentRefundedOnceTheTotalReachesTheAmount() {
        refund("25");
        assertEquals("Payment marked as refunded", refund("100"));
        stored().body("refunded", equalTo(true)).body("refunded_amount", equalTo(100));
    }

    @Test
    void shouldSkipATotalResent() {
        refund("75");
        assertEquals("Payment already recorded; duplicate skipped", refund("75"));
        stored().body("refunded_amount", equalTo(75));
    }

    @Test
    void shouldSkipALowerTotalArrivingLate() {
        refund("75");
        assertEquals("Payment already recorded; duplicate skipped", refund("25"));
        stored().body("refunded_amount", equalTo(75)).body("refunded", equalTo(false));
    }

    @Test
    void shouldRefundTheRestWhenARefundNamesNoAmount() {
        refund("25");
        assertEquals("Payment marked as refunded", record(site, payment(tx, "amount", 100, "refunded", true)));
        stored().body("refunded", equalTo(true)).body("refunded_amount", equalTo(100));
    }

    @Test
    void shouldReturnTheWholeAmountAsRefundedForARefundWithoutAnAmount() {
        record(site, payment(tx, "amount", 100, "refunded", true));
        stored().body("refunded_amount", equalTo(100));
    }

    @Test
    void shouldReturnNoRefundedAmountForAPaymentNeverRefunded() {
        stored().body("refunded_amount", nullValue()).body("refunded_at", nullValue());
    }

    @Test
    void shouldStoreAPartialRefundOfAnUnknownPaymentAsARefundRecord() {
        String early = unique("tx");
        assertEquals("Refund recorded", record(site, payment(early, "amount", 100, "refunded", true,
                "refunded_amount", 40)));
        stored(early).body("refunded", equalTo(false)).body("refunded_amount", equalTo(40));
    }

    @Test
    void shouldKeepTheExactTotalOfConcurrentIncreases() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int total = 10; total <= 100; total += 10) {
                String amount = String.valueOf(total);
                answers.add(pool.submit(() -> refund(amount)));
            }
            for (Future<String> answer : answers) {
                answer.get();
            }
        } finally {
            pool.shutdownNow();
        }
        stored().body("refunded", equalTo(true)).body("refunded_amount", equalTo(100));
    }

    @Test
    void shouldRejectARefundedAmountWithoutRefunded() {
        rejected(payment(tx, "amount", 100, "refunded_amount", 10));
    }

    @Test
    void shouldRejectARefundedAmountAboveTheAmount() {
        rejected(payment(tx, "amount", 100, "refunded", true, "refunded_amount", "100.01"));
    }

    @Test
    void shouldRejectARefundedAmountOfZero() {
        rejected(payment(tx, "amount", 100, "refunded", true, "refunded_amount", 0));
    }

    @Test
    void shouldRejectARefundedAmountWithMoreThanEightDecimals() {
        rejected(payment(tx, "amount", 100, "refunded", true, "refunded_amount", "1.123456789"));
    }

    private String refund(String total) {
        return record(site, payment(tx, "amount", 100, "refunded", true, "refunded_amount", new BigDecimal(total)));
    }

    private void rejected(Object body) {
        as(site.key()).contentType(ContentType.JSON).body(body).post("/api/v1/payments")
                .then().statusCode(400)
                .body("error.code", equalTo(400))
                .body("error.fields", hasItem("refunded_amount"));
        stored().body("refunded_amount", nullValue());
    }

    private ValidatableResponse stored() {
        return stored(tx);
    }

    private ValidatableResponse stored(String transactionId) {
        return as(site.key()).queryParam("transaction_id", transactionId).get("/api/v1/payments")
                .then().statusCode(200).rootPath("data[0]");
    }
}
