package dev.payments.payments;

import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.payment;
import static dev.payments.support.Fixtures.record;
import static dev.payments.support.Fixtures.unique;
import static dev.payments.support.Fixtures.website;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.payments.support.Csv;
import dev.payments.support.Fixtures.TestWebsite;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /api/v1/payments with Accept: text/csv (contract section 10): every matching payment, as RFC 4180 CSV. */
@QuarkusTest
class PaymentExportTest {

    private static final List<String> HEADER = List.of("transaction_id", "amount", "currency", "reporting_amount",
            "reporting_currency", "datafast_visitor_id", "datafast_session_id", "customer_email", "customer_name",
            "customer_id", "renewal", "refunded", "refunded_at", "refunded_amount", "is_free_trial", "timestamp");

    private TestWebsite site;

    @BeforeEach
    void newWebsite() {
        site = website();
    }

    @Test
    void shouldExportEveryPaymentNewestFirstWithAHeaderRowAsAnAttachment() {
        record(site, payment("older", "timestamp", "2026-05-01T10:00:00Z", "customer_id", "cus_1"));
        record(site, payment("newer", "timestamp", "2026-05-02T10:00:00Z", "renewal", true));
        Response response = csv(Map.of());
        response.then().statusCode(200)
                .header("Content-Type", startsWith("text/csv"))
                .header("Content-Disposition", equalTo("attachment; filename=\"payments.csv\""));
        List<List<String>> rows = Csv.parse(response.asString());
        assertEquals(HEADER, rows.get(0));
        assertEquals(List.of("newer", "29.99", "USD", "29.99", "USD", "", "", "", "", "", "true", "false", "",
                "", "false", "2026-05-02T10:00:00Z"), rows.get(1));
        assertEquals("older", rows.get(2).get(0));
        assertEquals("cus_1", rows.get(2).get(9));
        assertEquals(3, rows.size());
    }

    @Test
    void shouldExportTheTotalRefundedSoFar() {
        record(site, payment("partly", "amount", 40));
        record(site, payment("partly", "amount", 40, "refunded", true, "refunded_amount", "12.5"));
        List<String> row = Csv.parse(csv(Map.of()).asString()).get(1);
        assertEquals(List.of("false", "12.5"), List.of(row.get(11), row.get(13)));
    }

    @Test
    void shouldDeclareTheAttachmentHeaderInTheOpenApiDocument() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/payments'.get.responses.'200'.headers", hasKey("Content-Disposition"))
                .body("paths.'/api/v1/payments'.get.responses.'200'.content", hasKey("text/csv"));
    }

    @Test
    void shouldQuoteCommasQuotesAndLineBreaks() {
        String name = "Doe, \"Jane\"\r\nJunior";
        record(site, payment(unique("tx"), "customer_name", name));
        assertEquals(name, Csv.parse(csv(Map.of()).asString()).get(1).get(8));
    }

    @Test
    void shouldNeutraliseCellsASpreadsheetWouldReadAsFormulas() {
        record(site, payment("=1+1", "customer_name", "@SUM(A1)", "customer_id", "-2", "customer_email", "+x@y.z"));
        List<String> row = Csv.parse(csv(Map.of()).asString()).get(1);
        assertEquals(List.of("'=1+1", "'+x@y.z", "'@SUM(A1)", "'-2"), List.of(row.get(0), row.get(7), row.get(8),
                row.get(9)));
    }

    @Test
    void shouldKeepEveryCellTextForASpreadsheetThatSplitsOnSemicolonsTabsOrPipes() {
        record(site, payment(unique("tx"), "customer_name", "x;=cmd|'/C calc'!A0", "customer_id", "y|+1;@SUM(A1)",
                "customer_email", "v\t-2"));
        String export = csv(Map.of()).asString();
        for (char separator : new char[] {';', '\t', '|'}) {
            List<String> formulas = Csv.parse(export, separator).stream().skip(1).flatMap(List::stream)
                    .filter(cell -> !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0).toList();
            assertEquals(List.of(), formulas, "read with separator " + (int) separator);
        }
    }

    @Test
    void shouldExportOnlyWhatTheFiltersMatch() {
        record(site, payment(unique("tx"), "datafast_visitor_id", "v1"));
        record(site, payment(unique("tx"), "datafast_visitor_id", "v2"));
        List<List<String>> rows = Csv.parse(csv(Map.of("datafast_visitor_id", "v2")).asString());
        assertEquals(2, rows.size());
        assertEquals("v2", rows.get(1).get(5));
    }

    @Test
    void shouldExportPastAThousandPaymentsWithoutAPageLimit() {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 1_005; i++) {
            items.add(payment("tx" + i));
        }
        for (List<Map<String, Object>> batch : List.of(items.subList(0, 1_000), items.subList(1_000, 1_005))) {
            as(site.key()).contentType(ContentType.JSON).body(batch).post("/api/v1/payments/batch").then()
                    .statusCode(200);
        }
        List<List<String>> rows = Csv.parse(csv(Map.of("limit", "1")).asString());
        assertEquals(1_006, rows.size());
        assertEquals(1_005, rows.stream().skip(1).map(row -> row.get(0)).distinct().count());
    }

    @Test
    void shouldAnswerJsonToAClientThatAcceptsBoth() {
        record(site, payment(unique("tx")));
        as(site.key()).accept("application/json, text/csv").get("/api/v1/payments").then().statusCode(200)
                .header("Content-Type", startsWith("application/json"))
                .body("status", equalTo("success"));
    }

    private Response csv(Map<String, String> query) {
        return as(site.key()).accept("text/csv").queryParams(query).get("/api/v1/payments");
    }
}
