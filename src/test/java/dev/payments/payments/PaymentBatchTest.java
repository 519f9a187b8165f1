package dev.payments.payments;

import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.payment;
import static dev.payments.support.Fixtures.record;
import static dev.payments.support.Fixtures.unique;
import static dev.payments.support.Fixtures.website;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payments.support.Fixtures.TestWebsite;
import dev.payments.support.Metrics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /api/v1/payments/batch (contract section 10): each item as if posted alone, answered in order. */
@QuarkusTest
class PaymentBatchTest {

    private TestWebsite site;

    @BeforeEach
    void newWebsite() {
        site = website();
    }

    @Test
    void shouldAnswerEachItemAsAPostOfItWouldInOrder() {
        String known = unique("tx");
        record(site, payment(known));
        String fresh = unique("tx");
        batch(List.of(payment(fresh), payment(known), payment(known, "refunded", true),
                payment(unique("tx"), "amount", 0)))
                .statusCode(200)
                .body("status", equalTo("success"))
                .body("data", hasSize(4))
                .body("data.index", equalTo(List.of(0, 1, 2, 3)))
                .body("data[0].message", equalTo("Payment recorded"))
                .body("data[0].transaction_id", equalTo(fresh))
                .body("data[1].message", equalTo("Payment already recorded; duplicate skipped"))
                .body("data[2].message", equalTo("Payment marked as refunded"))
                .body("data[3].message", equalTo("Free trial recorded"))
                .body("data[0].error", nullValue());
        as(site.key()).queryParam("transaction_id", known).get("/api/v1/payments").then()
                .body("data", hasSize(1)).body("data[0].refunded", equalTo(true));
    }

    @Test
    void shouldRefuseAnInvalidItemAloneAndStoreTheOthers() {
        String first = unique("tx");
        String last = unique("tx");
        batch(List.of(payment(first), payment(unique("tx"), "amount", -1), payment(last)))
                .statusCode(200)
                .body("data[1].index", equalTo(1))
                .body("data[1].error.code", equalTo(400))
                .body("data[1].error.message", equalTo("amount must be greater than or equal to 0"))
                .body("data[1].error.fields", equalTo(List.of("amount")))
                .body("data[1].message", nullValue())
                .body("data[2].message", equalTo("Payment recorded"));
        as(site.key()).get("/api/v1/payments").then().body("data", hasSize(2));
    }

    @Test
    void shouldRefuseAnItemOfTheWrongShapeAlone() {
        List<Object> items = new ArrayList<>();
        items.add("not a payment");
        items.add(payment(unique("tx"), "amount", "lots"));
        items.add(payment(unique("tx"), "timestamp", "2999-01-01T00:00:00Z"));
        items.add(payment(unique("tx")));
        batch(items).statusCode(200)
                .body("data[0].error.message", equalTo("item must be a JSON object"))
                .body("data[1].error.fields", equalTo(List.of("amount")))
                .body("data[2].error.message", equalTo("timestamp must not be more than a day in the future"))
                .body("data[3].message", equalTo("Payment recorded"));
    }

    @Test
    void shouldRecordTheFirstOfTwoItemsWithOneTransactionIdAndSkipTheSecond() {
        String tx = unique("tx");
        batch(List.of(payment(tx), payment(tx))).statusCode(200)
                .body("data.message", equalTo(List.of("Payment recorded",
                        "Payment already recorded; duplicate skipped")));
    }

    @Test
    void shouldWriteAThousandPaymentsInAHandfulOfStatements() {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            items.add(payment("tx" + i));
        }
        double statements = Metrics.value("payments_insert_batch_rows_count");
        batch(items).statusCode(200).body("data.message.findAll { it == 'Payment recorded' }", hasSize(1000));
        double used = Metrics.value("payments_insert_batch_rows_count") - statements;
        assertTrue(used <= 20, used + " insert statements for 1,000 payments");
    }

    @Test
    void shouldRefuseABodyThatIsNotAnArrayOfOneToAThousandPayments() {
        batchError(Map.of("amount", 1), 400);
        batchError(List.of(), 400);
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(Map.of("amount", 1, "currency", "USD", "transaction_id", "t" + i));
        }
        batchError(tooMany, 400);
    }

    @Test
    void shouldTakeUpToOneMebibyteOnThisRouteOnly() {
        String name = "n".repeat(200);
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            items.add(payment(unique("tx"), "customer_name", name));
        }
        batch(items).statusCode(200);
        as(site.key()).contentType(ContentType.JSON).body(items.get(0) + " ".repeat(70 * 1024))
                .post("/api/v1/payments").then().statusCode(413);
    }

    @Test
    void shouldAnswer413PastOneMebibyte() {
        String padding = " ".repeat(1024 * 1024);
        as(site.key()).contentType(ContentType.JSON).body("[" + padding + "]").post("/api/v1/payments/batch")
                .then().statusCode(413)
                .body("error.code", equalTo(413))
                .body("error.message", equalTo("request body is larger than 1 MiB"));
    }

    private ValidatableResponse batch(Object items) {
        return as(site.key()).contentType(ContentType.JSON).body(items).post("/api/v1/payments/batch").then();
    }

    private void batchError(Object body, int code) {
        batch(body).statusCode(code).body("status", equalTo("error")).body("error.code", equalTo(code));
    }
}
