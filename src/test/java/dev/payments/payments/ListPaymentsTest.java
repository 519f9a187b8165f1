package dev.payments.payments;

import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.payment;
import static dev.payments.support.Fixtures.record;
import static dev.payments.support.Fixtures.website;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.payments.support.Fixtures.TestWebsite;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GET /api/v1/payments (contract section 3). */
@QuarkusTest
class ListPaymentsTest {

    private TestWebsite site;

    @BeforeEach
    void newWebsite() {
        site = website();
    }

    @Test
    void shouldListNewestFirstInTheEnvelope() {
        recordAt("old", "2026-01-01T00:00:00Z", null);
        recordAt("new", "2026-03-01T00:00:00Z", null);
        as(site.key()).get("/api/v1/payments")
                .then().statusCode(200)
                .body("status", equalTo("success"))
                .body("data.transaction_id", contains("new", "old"))
                .body("pagination.limit", equalTo(50))
                .body("pagination.next_cursor", nullValue());
    }

    @Test
    void shouldShowEachPaymentWithExactlyTheContractsFields() {
        recordAt("only", "2026-01-01T00:00:00Z", null);
        JsonPath page = as(site.key()).get("/api/v1/payments").then().statusCode(200).extract().jsonPath();
        assertEquals(Set.of("status", "data", "pagination"), page.getMap("").keySet());
        assertEquals(Set.of("transaction_id", "amount", "currency", "reporting_amount", "reporting_currency",
                "datafast_visitor_id", "datafast_session_id", "customer_email", "customer_name", "customer_id", "renewal", "refunded",
                "refunded_at", "refunded_amount", "is_free_trial", "timestamp"), page.getMap("data[0]").keySet());
    }

    @Test
    void shouldFilterByVisitorCustomerAndRange() {
        recordAt("a", "2026-01-01T00:00:00Z", "visitor-a");
        recordAt("b", "2026-02-01T00:00:00Z", "visitor-b");
        recordAt("c", "2026-03-01T00:00:00Z", "visitor-a");
        as(site.key()).queryParam("datafast_visitor_id", "visitor-a").get("/api/v1/payments")
                .then().body("data.transaction_id", contains("c", "a"));
        as(site.key()).queryParam("customer_id", "customer-b").get("/api/v1/payments")
                .then().body("data.transaction_id", contains("b"));
        as(site.key()).queryParam("startAt", "2026-01-15T00:00:00Z").queryParam("endAt", "2026-03-01T00:00:00Z")
                .get("/api/v1/payments")
                .then().body("data.transaction_id", contains("c", "b"));
    }

    @Test
    void shouldPageThroughEveryPaymentExactlyOnce() {
        List<String> recorded = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            // equal timestamps on purpose: ties must still page cleanly
            recordAt("p" + i, i < 4 ? "2026-01-01T00:00:00Z" : "2026-01-02T00:00:00Z", null);
            recorded.add("p" + i);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = as(site.key()).queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/payments").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("data.transaction_id", String.class));
            cursor = page.getString("pagination.next_cursor");
        } while (cursor != null);
        assertEquals(7, seen.size());
        assertEquals(recorded.stream().sorted().toList(), seen.stream().sorted().toList());
    }

    @Test
    void shouldRejectALimitOutOfRange() {
        for (String limit : List.of("0", "101", "ten")) {
            as(site.key()).queryParam("limit", limit).get("/api/v1/payments")
                    .then().statusCode(400).body("error.fields", hasItem("limit"));
        }
    }

    @Test
    void shouldRejectAForgedCursor() {
        as(site.key()).queryParam("cursor", "not-a-cursor").get("/api/v1/payments")
                .then().statusCode(400).body("error.fields", hasItem("cursor"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"transaction_id", "datafast_visitor_id", "customer_id"})
    void shouldRejectANulCharacterInAFilter(String parameter) {
        as(site.key()).queryParam(parameter, "nul\u0000inside").get("/api/v1/payments")
                .then().statusCode(400).body("error.fields", contains(parameter));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-4714-11-24T00:00:00Z", "0000-12-31T23:59:59Z", "+10000-01-01T00:00:00Z",
            "+999999999-12-31T23:59:59Z"})
    void shouldRejectAnInstantOutsideTheYears1To9999(String instant) {
        as(site.key()).queryParam("startAt", instant).get("/api/v1/payments")
                .then().statusCode(400).body("error.message", equalTo(
                        "startAt must be an instant in the years 0001 to 9999"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/x-www-form-urlencoded", "multipart/form-data; boundary=x"})
    void shouldIgnoreAFormContentTypeOnAGet(String contentType) {
        recordAt("mine", "2026-01-01T00:00:00Z", null);
        as(site.key()).contentType(contentType).get("/api/v1/payments")
                .then().statusCode(200).body("data.transaction_id", contains("mine"));
    }

    @Test
    void shouldRejectAForgedCursorBeyondTheYear9999() {
        String forged = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("v1:31556889864403199:999999999:1".getBytes(StandardCharsets.US_ASCII));
        as(site.key()).queryParam("cursor", forged).get("/api/v1/payments")
                .then().statusCode(400).body("error.fields", hasItem("cursor"));
    }

    @Test
    void shouldRejectARangeThatEndsBeforeItStarts() {
        as(site.key()).queryParam("startAt", "2026-02-01T00:00:00Z").queryParam("endAt", "2026-01-01T00:00:00Z")
                .get("/api/v1/payments")
                .then().statusCode(400).body("error.code", equalTo(400));
    }

    @Test
    void shouldNeverShowAnotherWebsitesPayments() {
        recordAt("mine", "2026-01-01T00:00:00Z", null);
        TestWebsite other = website();
        as(other.key()).get("/api/v1/payments").then().statusCode(200).body("data.size()", equalTo(0));
    }

    private void recordAt(String tx, String timestamp, String visitor) {
        Map<String, Object> body = payment(tx);
        body.put("timestamp", timestamp);
        body.put("customer_id", "customer-" + tx);
        if (visitor != null) {
            body.put("datafast_visitor_id", visitor);
        }
        record(site, body);
    }
}
