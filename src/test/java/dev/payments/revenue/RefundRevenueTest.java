package dev.payments.revenue;

import static dev.payments.revenue.RevenueTest.pay;
import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.payment;
import static dev.payments.support.Fixtures.record;
import static dev.payments.support.Fixtures.website;
import static org.hamcrest.Matchers.equalTo;

import dev.payments.support.Fixtures.TestWebsite;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Partial refunds in GET /api/v1/revenue: each refund counted at its own time, never more than was paid. */
@QuarkusTest
class RefundRevenueTest {

    private static final String PAID = "2026-05-04T10:00:00Z";
    private static final String CONVERTED_DAY = "2022-05-02T12:00:00Z";

    private TestWebsite site;

    @BeforeEach
    void newWebsite() {
        site = website();
    }

    @Test
    void shouldSubtractEachPartialRefund() {
        String tx = pay(site, "100", PAID);
        refund(tx, "100", "USD", "25");
        refund(tx, "100", "USD", "60");
        revenue(PAID, Instant.now().plus(1, ChronoUnit.MINUTES).toString(), "month")
                .body("data[0].totals.new", equalTo(100))
                .body("data[0].totals.refund", equalTo(60))
                .body("data[0].totals.refunds", equalTo(2))
                .body("data[0].totals.net", equalTo(40));
    }

    @Test
    void shouldReadPartialRefundsFromThePaymentsWhereARangeCutsAQuarterHour() {
        String tx = pay(site, "100", PAID);
        Instant from = Instant.now().minusSeconds(61);
        refund(tx, "100", "USD", "25");
        refund(tx, "100", "USD", "60");
        revenue(from.toString(), Instant.now().plusSeconds(61).toString(), "hour")
                .body("data[0].totals.new", equalTo(0))
                .body("data[0].totals.refund", equalTo(60))
                .body("data[0].totals.refunds", equalTo(2));
    }

    @Test
    void shouldGiveAConvertedPaymentsPartialRefundItsShareInTheReportingCurrency() {
        String tx = pay(site, "100", CONVERTED_DAY, "currency", "EUR");
        BigDecimal converted = reportingAmount(tx);
        refund(tx, "100", "EUR", "30");
        revenue(CONVERTED_DAY, Instant.now().toString(), "month")
                .body("data[0].totals.refund", equalTo(converted.multiply(new BigDecimal("0.3"))
                        .setScale(2, RoundingMode.HALF_UP).stripTrailingZeros()));
    }

    @Test
    void shouldSumAConvertedPaymentsRefundsToExactlyItsConvertedAmountOnceRefundedWhole() {
        String tx = pay(site, "100", CONVERTED_DAY, "currency", "EUR");
        BigDecimal converted = reportingAmount(tx);
        refund(tx, "100", "EUR", "33.33");
        refund(tx, "100", "EUR", "66.67");
        refund(tx, "100", "EUR", "100");
        revenue(CONVERTED_DAY, Instant.now().toString(), "month")
                .body("data[0].totals.new", equalTo(converted.stripTrailingZeros()))
                .body("data[0].totals.refund", equalTo(converted.stripTrailingZeros()))
                .body("data[0].totals.refunds", equalTo(3))
                .body("data[0].totals.net", equalTo(0));
    }

    private void refund(String tx, String amount, String currency, String total) {
        record(site, payment(tx, "amount", amount, "currency", currency, "refunded", true,
                "refunded_amount", total));
    }

    private BigDecimal reportingAmount(String tx) {
        return as(site.key()).queryParam("transaction_id", tx).get("/api/v1/payments")
                .then().statusCode(200).extract().path("data[0].reporting_amount");
    }

    private ValidatableResponse revenue(String start, String end, String interval) {
        return as(site.key()).queryParam("startAt", start).queryParam("endAt", end).queryParam("interval", interval)
                .queryParam("timezone", "UTC").get("/api/v1/revenue").then().statusCode(200);
    }
}
