package dev.payments.payments;

import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.payment;
import static dev.payments.support.Fixtures.unique;
import static dev.payments.support.Fixtures.website;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.payments.support.Fixtures.TestWebsite;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every rejected create is a 400 in the error shape, names the field, and stores nothing. */
@QuarkusTest
class InvalidPaymentTest {

    private TestWebsite site;

    @BeforeEach
    void newWebsite() {
        site = website();
    }

    @Test
    void shouldRejectANegativeAmount() {
        rejected(payment(unique("tx"), "amount", -1))
                .body("error.message", equalTo("amount must be greater than or equal to 0"))
                .body("error.fields", contains("amount"));
    }

    @Test
    void shouldRejectAMissingAmount() {
        Map<String, Object> body = payment(unique("tx"));
        body.remove("amount");
        rejected(body, "amount").body("error.message", equalTo("amount is required"));
    }

    @Test
    void shouldRejectMoreThanEightDecimals() {
        rejected(payment(unique("tx"), "amount", "1.123456789"), "amount")
                .body("error.message", containsString("8 decimal places"));
    }

    @Test
    void shouldRejectAnAmountBeyondTheUpperBound() {
        rejected(payment(unique("tx"), "amount", "1e15"), "amount");
        rejected(payment(unique("tx"), "amount", 1_000_000_000_000L), "amount")
                .body("error.message", equalTo("amount must be at most 999999999999.99999999"));
    }

    @Test
    void shouldRejectANonNumericAmount() {
        rejected(payment(unique("tx"), "amount", "twelve"), "amount");
    }

    @Test
    void shouldRejectAnUnknownCurrency() {
        rejected(payment(unique("tx"), "currency", "ABC"), "currency")
                .body("error.message", containsString("ISO 4217"));
    }

    @Test
    void shouldRejectAMissingTransactionId() {
        Map<String, Object> body = payment(unique("tx"));
        body.remove("transaction_id");
        rejected(body, "transaction_id");
    }

    @Test
    void shouldRejectATransactionIdOver255Characters() {
        rejected(payment(unique("tx"), "transaction_id", "t".repeat(256)), "transaction_id");
    }

    @Test
    void shouldRejectAnEmptyTransactionId() {
        rejected(payment(unique("tx"), "transaction_id", ""), "transaction_id");
    }

    @Test
    void shouldRejectAVisitorIdOver128Characters() {
        rejected(payment(unique("tx"), "datafast_visitor_id", "v".repeat(129)), "datafast_visitor_id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"email", "customer_email", "name", "customer_name", "customer_id"})
    void shouldRejectACustomerFieldOver255Characters(String field) {
        rejected(payment(unique("tx"), field, "c".repeat(256)), field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"email", "customer_email", "name", "customer_name", "customer_id"})
    void shouldRejectANulCharacterInATextField(String field) {
        rejected(payment(unique("tx"), field, "nul\u0000inside"), field)
                .body("error.message", equalTo(field + " must be valid Unicode text without the NUL character (U+0000)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"transaction_id", "email", "customer_email", "name", "customer_name", "customer_id"})
    void shouldRejectAnUnpairedSurrogate(String field) {
        // stored, PostgreSQL's driver would turn it into "?": acknowledged and stored ids would differ
        String lone = "\"lone \\ud800 surrogate\"";
        String body = "{\"amount\":1,\"currency\":\"USD\",\"transaction_id\":"
                + (field.equals("transaction_id") ? lone : "\"tx-surrogate\",\"" + field + "\":" + lone) + "}";
        as(site.key()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/payments")
                .then().statusCode(400).body("error.fields", contains(field));
        as(site.key()).get("/api/v1/payments").then().statusCode(200).body("data", empty());
    }

    @Test
    void shouldRejectANulCharacterInTheTransactionId() {
        as(site.key()).contentType(ContentType.JSON).body(payment("nul\u0000inside")).post("/api/v1/payments")
                .then().statusCode(400)
                .body("error.message", equalTo(
                        "transaction_id must be valid Unicode text without the NUL character (U+0000)"));
        as(site.key()).get("/api/v1/payments").then().statusCode(200).body("data", empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"email", "customer_email", "name", "customer_name", "customer_id"})
    void shouldStoreACustomerFieldOfExactly255Characters(String field) {
        String tx = unique("tx");
        as(site.key()).contentType(ContentType.JSON).body(payment(tx, field, "c".repeat(255)))
                .post("/api/v1/payments").then().statusCode(200);
        as(site.key()).queryParam("transaction_id", tx).get("/api/v1/payments")
                .then().statusCode(200).body("data.size()", equalTo(1));
    }

    @Test
    void shouldRejectDifferingEmailAliases() {
        rejected(payment(unique("tx"), "email", "a@example.com", "customer_email", "b@example.com"), "email")
                .body("error.fields", hasItem("customer_email"));
    }

    @Test
    void shouldRejectDifferingNameAliases() {
        rejected(payment(unique("tx"), "name", "A", "customer_name", "B"), "name");
    }

    @Test
    void shouldRejectAnUnparseableTimestamp() {
        rejected(payment(unique("tx"), "timestamp", "yesterday"), "timestamp");
    }

    @Test
    void shouldRejectATimestampMoreThanADayAhead() {
        String tooLate = Instant.now().plus(25, ChronoUnit.HOURS).toString();
        rejected(payment(unique("tx"), "timestamp", tooLate), "timestamp")
                .body("error.message", containsString("future"));
    }

    @Test
    void shouldAcceptATimestampLessThanADayAhead() {
        String soon = Instant.now().plus(23, ChronoUnit.HOURS).toString();
        as(site.key()).contentType(ContentType.JSON).body(payment(unique("tx"), "timestamp", soon))
                .post("/api/v1/payments").then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-05-19T12:00:00+0000", "2026-05-19T14:00:00+0200", "2026-05-19T14:00:00+02"})
    void shouldAcceptATimestampWithACompactOffset(String timestamp) {
        String tx = unique("tx"); // PHP's DATE_ISO8601 writes +0000
        as(site.key()).contentType(ContentType.JSON).body(payment(tx, "timestamp", timestamp))
                .post("/api/v1/payments").then().statusCode(200);
        as(site.key()).queryParam("transaction_id", tx).get("/api/v1/payments")
                .then().statusCode(200).body("data[0].timestamp", equalTo("2026-05-19T12:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"datafast_visitor_id", "datafast_session_id"})
    void shouldRejectAnAttributionIdThatIsTooLongOrNotPrintable(String field) {
        rejected(payment(unique("tx"), field, "v".repeat(129)), field);
        rejected(payment(unique("tx"), field, "caf\u00e9"), field);
        rejected(payment(unique("tx"), field, ""), field);
    }

    @Test
    void shouldCountCharactersNotUtf16UnitsInATransactionId() {
        String emoji = "\uD83D\uDE00".repeat(255); // 255 characters, 510 UTF-16 units
        as(site.key()).contentType(ContentType.JSON).body(payment(emoji)).post("/api/v1/payments")
                .then().statusCode(200);
        as(site.key()).queryParam("transaction_id", emoji).get("/api/v1/payments")
                .then().statusCode(200).body("data[0].transaction_id", equalTo(emoji));
        rejected(payment(emoji + "\uD83D\uDE00"), "transaction_id");
    }

    @Test
    void shouldRejectAMissingBody() {
        as(site.key()).contentType(ContentType.JSON).post("/api/v1/payments")
                .then().statusCode(400)
                .body("status", equalTo("error"))
                .body("error.message", equalTo("request body is required"));
    }

    private ValidatableResponse rejected(Map<String, Object> body, String field) {
        return rejected(body).body("error.fields", hasItem(field));
    }

    private ValidatableResponse rejected(Map<String, Object> body) {
        String tx = String.valueOf(body.get("transaction_id"));
        ValidatableResponse response = as(site.key()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/payments")
                .then().statusCode(400)
                .body("status", equalTo("error"))
                .body("error.code", equalTo(400));
        as(site.key()).queryParam("transaction_id", tx).get("/api/v1/payments")
                .then().statusCode(200).body("data", empty());
        return response;
    }
}
