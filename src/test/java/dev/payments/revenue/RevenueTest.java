package dev.payments.revenue;

import static dev.payments.support.Fixtures.BOOTSTRAP;
import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.payment;
import static dev.payments.support.Fixtures.record;
import static dev.payments.support.Fixtures.unique;
import static dev.payments.support.Fixtures.website;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payments.support.Eventually;
import dev.payments.support.Fixtures.TestWebsite;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /api/v1/revenue, rule by rule (contract section 9). */
@QuarkusTest
class RevenueTest {

    private static final String DAY1 = "2026-05-04T10:00:00Z";
    private static final String DAY2 = "2026-05-05T10:00:00Z";

    private TestWebsite site;

    @BeforeEach
    void newWebsite() {
        site = website();
    }

    @Test
    void shouldSumNewAndRenewalRevenueByPaymentTime() {
        pay("10.25", DAY1);
        pay("5", DAY2, "renewal", true);
        revenue("startAt", "2026-05-04T00:00:00Z", "endAt", "2026-05-05T23:59:59Z", "timezone", "UTC")
                .body("data[0].currency", equalTo("USD"))
                .body("data[0].interval", equalTo("day"))
                .body("data[0].totals.new", equalTo(new BigDecimal("10.25")))
                .body("data[0].totals.renewal", equalTo(5))
                .body("data[0].totals.net", equalTo(new BigDecimal("15.25")))
                .body("data[0].totals.payments", equalTo(2))
                .body("data[0].totals.renewals", equalTo(1))
                .body("data[0].timeseries", hasSize(2))
                .body("data[0].timeseries[0].start", equalTo("2026-05-04T00:00:00Z"))
                .body("data[0].timeseries[0].new", equalTo(new BigDecimal("10.25")))
                .body("data[0].timeseries[1].renewal", equalTo(5));
    }

    @Test
    void shouldCountARefundInTheBucketOfItsRefundTime() {
        String tx = pay("40", DAY1);
        record(site, payment(tx, "amount", 40, "refunded", true));
        revenue("startAt", "2026-05-04T00:00:00Z", "timezone", "UTC")
                .body("data[0].timeseries[0].new", equalTo(40))
                .body("data[0].timeseries[0].refund", equalTo(0))
                .body("data[0].timeseries[-1].refund", equalTo(40))
                .body("data[0].timeseries[-1].refunds", equalTo(1))
                .body("data[0].totals.net", equalTo(0));
    }

    @Test
    void shouldCountFreeTrialsWithoutSummingThem() {
        pay("0", DAY1);
        pay("12", DAY1, "is_free_trial", true);
        revenue("startAt", DAY1, "endAt", DAY1, "timezone", "UTC")
                .body("data[0].totals.free_trials", equalTo(2))
                .body("data[0].totals.new", equalTo(0))
                .body("data[0].totals.payments", equalTo(0))
                .body("data[0].timeseries[0].free_trials", equalTo(2));
    }

    @Test
    void shouldLeavePaymentsWithoutARateOutOfTheSumsAndCountThemPending() {
        pay("10", DAY1);
        pay("99", DAY1, "currency", "EUR");
        revenue("startAt", DAY1, "endAt", DAY1, "timezone", "UTC")
                .body("data[0].totals.new", equalTo(10))
                .body("data[0].totals.payments", equalTo(1))
                .body("data[0].totals.pending", equalTo(1));
    }

    @Test
    void shouldSumMixedCurrenciesConvertedIntoTheReportingCurrency() {
        String day = "2022-05-02T12:00:00Z";
        pay("10", day);
        String euros = pay("100", day, "currency", "EUR");
        // an application just started on a new database may still be storing the bundled rate history: the payment
        // is converted once it has
        assertTrue(Eventually.within(Duration.ofSeconds(60), () -> reportingAmount(euros) != null),
                "the EUR payment was not converted within 60 s");
        BigDecimal converted = reportingAmount(euros);
        revenue("startAt", day, "endAt", day, "timezone", "UTC")
                .body("data[0].totals.new", equalTo(converted.add(BigDecimal.TEN)))
                .body("data[0].totals.pending", equalTo(0));
    }

    private BigDecimal reportingAmount(String transactionId) {
        return as(site.key()).queryParam("transaction_id", transactionId).get("/api/v1/payments")
                .then().statusCode(200).extract().path("data[0].reporting_amount");
    }

    @Test
    void shouldCountDistinctCustomersByIdElseEmailAndDistinctVisitors() {
        pay("1", DAY1, "customer_id", "cus_1", "datafast_visitor_id", "v1");
        pay("1", DAY1, "customer_id", "cus_1", "datafast_visitor_id", "v2");
        pay("1", DAY1, "customer_email", "a@example.com", "datafast_visitor_id", "v2");
        pay("1", DAY1, "customer_email", "a@example.com");
        revenue("startAt", DAY1, "endAt", DAY1, "timezone", "UTC")
                .body("data[0].totals.customers", equalTo(2))
                .body("data[0].totals.visitors", equalTo(2));
    }

    @Test
    void shouldCutDaysAtLocalMidnightAcrossADaylightSavingChange() {
        // Paris moves to summer time on 2026-03-29: that day lasts 23 hours
        pay("1", "2026-03-29T23:30:00+02:00");
        pay("2", "2026-03-30T00:30:00+02:00");
        revenue("startAt", "2026-03-28T00:00:00+01:00", "endAt", "2026-03-30T12:00:00+02:00",
                "timezone", "Europe/Paris")
                .body("data[0].timezone", equalTo("Europe/Paris"))
                .body("data[0].timeseries.start", equalTo(List.of("2026-03-28T00:00:00+01:00",
                        "2026-03-29T00:00:00+01:00", "2026-03-30T00:00:00+02:00")))
                .body("data[0].timeseries.new", equalTo(List.of(0, 1, 2)));
    }

    @Test
    void shouldCountHoursAsHoursAcrossADaylightSavingChange() {
        // Paris goes back to winter time on 2026-10-25: 02:00 to 03:00 comes twice
        pay("1", "2026-10-25T02:30:00+02:00");
        pay("2", "2026-10-25T02:30:00+01:00");
        revenue("startAt", "2026-10-25T00:00:00+02:00", "endAt", "2026-10-25T04:00:00+01:00", "interval", "hour",
                "timezone", "Europe/Paris")
                .body("data[0].timeseries.start", equalTo(List.of("2026-10-25T00:00:00+02:00",
                        "2026-10-25T01:00:00+02:00", "2026-10-25T02:00:00+02:00", "2026-10-25T02:00:00+01:00",
                        "2026-10-25T03:00:00+01:00", "2026-10-25T04:00:00+01:00")))
                .body("data[0].timeseries.new", equalTo(List.of(0, 0, 1, 2, 0, 0)));
    }

    @Test
    void shouldSumOnlyPaymentsInsideTheRangeToTheSecondWhereItCutsAQuarterHour() {
        pay("1", "2026-05-04T10:05:00Z");
        pay("2", "2026-05-04T10:10:00Z");
        pay("4", "2026-05-04T10:20:00Z");
        pay("8", "2026-05-04T10:50:00Z");
        pay("16", "2026-05-04T10:50:00.001Z");
        revenue("startAt", "2026-05-04T10:10:00Z", "endAt", "2026-05-04T10:50:00Z", "timezone", "UTC")
                .body("data[0].totals.new", equalTo(14))
                .body("data[0].totals.payments", equalTo(3));
    }

    @Test
    void shouldCutBucketsThatDoNotStartOnAQuarterHourAtTheirOwnEdges() {
        // Liberia kept Monrovia Mean Time (-00:44:30) until 1972: its days started at 00:44:30 UTC
        pay("1", "1971-06-01T00:40:00Z");
        pay("2", "1971-06-01T00:50:00Z");
        revenue("startAt", "1971-05-31T12:00:00Z", "endAt", "1971-06-01T12:00:00Z", "timezone", "Africa/Monrovia")
                .body("data[0].timeseries.start", equalTo(List.of("1971-05-31T00:00:00-00:44:30",
                        "1971-06-01T00:00:00-00:44:30")))
                .body("data[0].timeseries.new", equalTo(List.of(1, 2)));
    }

    @Test
    void shouldStartWeeksOnMondayAndMonthsOnTheFirst() {
        pay("3", "2026-05-07T10:00:00Z");
        revenue("startAt", "2026-05-07T00:00:00Z", "endAt", "2026-05-07T23:00:00Z", "interval", "week",
                "timezone", "UTC")
                .body("data[0].timeseries.start", equalTo(List.of("2026-05-04T00:00:00Z")))
                .body("data[0].timeseries[0].new", equalTo(3));
        revenue("startAt", "2026-05-07T00:00:00Z", "endAt", "2026-06-02T00:00:00Z", "interval", "month",
                "timezone", "UTC")
                .body("data[0].timeseries.start", equalTo(List.of("2026-05-01T00:00:00Z", "2026-06-01T00:00:00Z")));
    }

    @Test
    void shouldPresentEmptyBucketsWithZeros() {
        revenue("startAt", DAY1, "endAt", DAY2, "timezone", "UTC")
                .body("data[0].timeseries", hasSize(2))
                .body("data[0].timeseries[1].new", equalTo(0))
                .body("data[0].timeseries[1].net", equalTo(0))
                .body("data[0].timeseries[1].payments", equalTo(0));
    }

    @Test
    void shouldUseTheWebsitesTimeZoneByDefault() {
        as(BOOTSTRAP).contentType(ContentType.JSON).body(Map.of("timezone", "Asia/Tokyo"))
                .put("/api/v1/admin/websites/{id}", site.id()).then().statusCode(200);
        revenue("startAt", DAY1, "endAt", DAY1)
                .body("data[0].timezone", equalTo("Asia/Tokyo"))
                .body("data[0].timeseries[0].start", equalTo("2026-05-04T00:00:00+09:00"));
    }

    @Test
    void shouldRefuseMoreThanAThousandBuckets() {
        revenueError(400, "startAt", "2026-01-01T00:00:00Z", "endAt", "2026-03-01T00:00:00Z", "interval", "hour");
    }

    @Test
    void shouldRefuseAnUnknownIntervalOrTimeZone() {
        revenueError(400, "interval", "year");
        revenueError(400, "timezone", "Mars/Olympus");
    }

    @Test
    void shouldRefuseARangeThatEndsBeforeItStarts() {
        revenueError(400, "startAt", DAY2, "endAt", DAY1);
    }

    private String pay(String amount, String timestamp, Object... more) {
        return pay(site, amount, timestamp, more);
    }

    /** Records a payment of {@code amount} at {@code timestamp}; its transaction id. */
    static String pay(TestWebsite site, String amount, String timestamp, Object... more) {
        String tx = unique("tx");
        Map<String, Object> body = payment(tx, more);
        body.put("amount", amount);
        body.put("timestamp", timestamp);
        record(site, body);
        return tx;
    }

    private ValidatableResponse revenue(String... query) {
        return get(query).statusCode(200).body("status", equalTo("success"));
    }

    private void revenueError(int code, String... query) {
        get(query).statusCode(code).body("error.code", equalTo(code));
    }

    private ValidatableResponse get(String... query) {
        var request = as(site.key());
        for (int i = 0; i < query.length; i += 2) {
            request.queryParam(query[i], query[i + 1]);
        }
        return request.get("/api/v1/revenue").then();
    }
}
