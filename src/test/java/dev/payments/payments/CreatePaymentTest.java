package dev.payments.payments;

import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.payment;
import static dev.payments.support.Fixtures.record;
import static dev.payments.support.Fixtures.unique;
import static dev.payments.support.Fixtures.website;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.payments.support.Fixtures.TestWebsite;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CreatePaymentTest {

    private TestWebsite site;

    @BeforeEach
    void newWebsite() {
        site = website();
    }

    @Test
    void shouldRecordANewPayment() {
        String tx = unique("tx");
        as(site.key()).contentType(ContentType.JSON).body(payment(tx))
                .post("/api/v1/payments")
                .then().statusCode(200)
                .body("message", equalTo("Payment recorded"))
                .body("transaction_id", equalTo(tx))
                .body("status", nullValue());
        as(site.key()).queryParam("transaction_id", tx).get("/api/v1/payments")
                .then().statusCode(200)
                .body("data[0].amount", equalTo(new BigDecimal("29.99")))
                .body("data[0].currency", equalTo("USD"))
                .body("data[0].is_free_trial", equalTo(false));
    }

    @Test
    void shouldSkipADuplicate() {
        String tx = unique("tx");
        record(site, payment(tx));
        assertEquals("Payment already recorded; duplicate skipped", record(site, payment(tx)));
    }

    @Test
    void shouldRejectANegativeAmount() {
        Map<String, Object> body = payment(unique("tx"));
        body.put("amount", -1);
        as(site.key()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/payments")
                .then().statusCode(400)
                .body("status", equalTo("error"))
                .body("error.code", equalTo(400))
                .body("error.message", equalTo("amount must be greater than or equal to 0"))
                .body("error.fields", hasItems("amount"));
    }
}
