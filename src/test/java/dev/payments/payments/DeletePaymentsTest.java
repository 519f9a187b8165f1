package dev.payments.payments;

import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.payment;
import static dev.payments.support.Fixtures.record;
import static dev.payments.support.Fixtures.website;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.payments.support.Fixtures.TestWebsite;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DELETE /api/v1/payments (contract section 4). */
@QuarkusTest
class DeletePaymentsTest {

    private TestWebsite site;

    @BeforeEach
    void threePayments() {
        site = website();
        recordAt("jan", "2026-01-01T00:00:00Z", "visitor");
        recordAt("feb", "2026-02-01T00:00:00Z", "visitor");
        recordAt("mar", "2026-03-01T00:00:00Z", "someone-else");
    }

    @Test
    void shouldDeleteOneTransaction() {
        delete().queryParam("transaction_id", "feb").delete("/api/v1/payments")
                .then().statusCode(200)
                .body("status", equalTo("success"))
                .body("data[0].transaction_id", equalTo("feb"))
                .body("data[0].deleted", equalTo(1))
                .body("data[0].timeRange", nullValue());
        remaining(containsInAnyOrder("jan", "mar"));
    }

    @Test
    void shouldAcceptTheTxIdAliasAndIgnoreOtherFilters() {
        delete().queryParam("tx_id", "jan").queryParam("datafast_visitor_id", "someone-else")
                .delete("/api/v1/payments")
                .then().statusCode(200).body("data[0].deleted", equalTo(1));
        remaining(containsInAnyOrder("feb", "mar"));
    }

    @Test
    void shouldAnswer404ForAnUnknownTransaction() {
        delete().queryParam("transaction_id", "nope").delete("/api/v1/payments")
                .then().statusCode(404).body("error.code", equalTo(404));
    }

    @Test
    void shouldDeleteEveryPaymentOfAVisitor() {
        delete().queryParam("datafast_visitor_id", "visitor").delete("/api/v1/payments")
                .then().statusCode(200)
                .body("data[0].message", equalTo("Deleted 2 payments for visitor"))
                .body("data[0].datafast_visitor_id", equalTo("visitor"))
                .body("data[0].deleted", equalTo(2));
        remaining(contains("mar"));
    }

    @Test
    void shouldDeleteAVisitorsPaymentsWithinARange() {
        delete().queryParam("datafast_visitor_id", "visitor")
                .queryParam("startAt", "2026-01-15T00:00:00Z").queryParam("endAt", "2026-03-15T00:00:00Z")
                .delete("/api/v1/payments")
                .then().statusCode(200)
                .body("data[0].message", equalTo("Deleted 1 payment for visitor within time range"))
                .body("data[0].timeRange.start", equalTo("2026-01-15T00:00:00Z"))
                .body("data[0].timeRange.end", equalTo("2026-03-15T00:00:00Z"));
        remaining(containsInAnyOrder("jan", "mar"));
    }

    @Test
    void shouldDeleteByARangeAloneWithInclusiveEnds() {
        delete().queryParam("start", "2026-02-01T00:00:00Z").queryParam("end", "2026-03-01T00:00:00Z")
                .delete("/api/v1/payments")
                .then().statusCode(200)
                .body("data[0].message", equalTo("Deleted 2 payments within time range"));
        remaining(contains("jan"));
    }

    @Test
    void shouldRequireBothEndsForARangeAlone() {
        delete().queryParam("startAt", "2026-02-01T00:00:00Z").delete("/api/v1/payments")
                .then().statusCode(400).body("error.message", equalTo(
                        "startAt and endAt are both required when deleting by time range alone"));
        remaining(containsInAnyOrder("jan", "feb", "mar"));
    }

    @Test
    void shouldRefuseADeleteThatNamesNothing() {
        delete().delete("/api/v1/payments").then().statusCode(400).body("error.code", equalTo(400));
        remaining(containsInAnyOrder("jan", "feb", "mar"));
    }

    @Test
    void shouldRejectAStartAfterTheEnd() {
        delete().queryParam("startAt", "2026-03-01T00:00:00Z").queryParam("endAt", "2026-01-01T00:00:00Z")
                .delete("/api/v1/payments")
                .then().statusCode(400);
    }

    @Test
    void shouldRejectAnUnparseableInstant() {
        delete().queryParam("startAt", "2026-13-01").queryParam("endAt", "2026-01-01T00:00:00Z")
                .delete("/api/v1/payments")
                .then().statusCode(400).body("error.fields", contains("startAt"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"transaction_id", "tx_id", "datafast_visitor_id"})
    void shouldRejectANulCharacterInAFilter(String parameter) {
        delete().queryParam(parameter, "jan\u0000").delete("/api/v1/payments")
                .then().statusCode(400).body("error.code", equalTo(400));
        remaining(containsInAnyOrder("jan", "feb", "mar"));
    }

    @Test
    void shouldRejectARangeBeyondTheYear9999() {
        delete().queryParam("startAt", "2000-01-01T00:00:00Z").queryParam("endAt", "+294277-01-01T00:00:00Z")
                .delete("/api/v1/payments")
                .then().statusCode(400).body("error.fields", contains("endAt"));
        remaining(containsInAnyOrder("jan", "feb", "mar"));
    }

    @Test
    void shouldOnlyEverTouchTheCallersWebsite() {
        TestWebsite other = website();
        as(other.key()).queryParam("startAt", "2000-01-01T00:00:00Z").queryParam("endAt", "2030-01-01T00:00:00Z")
                .delete("/api/v1/payments")
                .then().statusCode(200).body("data[0].deleted", equalTo(0));
        as(other.key()).queryParam("transaction_id", "jan").delete("/api/v1/payments").then().statusCode(404);
        remaining(containsInAnyOrder("jan", "feb", "mar"));
    }

    private RequestSpecification delete() {
        return as(site.key());
    }

    private void remaining(org.hamcrest.Matcher<? super java.util.List<String>> matcher) {
        as(site.key()).get("/api/v1/payments").then().statusCode(200).body("data.transaction_id", matcher);
    }

    private void recordAt(String tx, String timestamp, String visitor) {
        Map<String, Object> body = payment(tx);
        body.put("timestamp", timestamp);
        body.put("datafast_visitor_id", visitor);
        record(site, body);
    }
}
