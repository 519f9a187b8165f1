package dev.payments.webhooks.deliveries;

import static dev.payments.support.Fixtures.BOOTSTRAP;
import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.payment;
import static dev.payments.support.Fixtures.record;
import static dev.payments.support.Fixtures.website;
import static dev.payments.webhooks.Deliveries.connect;
import static dev.payments.webhooks.Deliveries.deliver;
import static dev.payments.webhooks.Deliveries.fixture;
import static dev.payments.webhooks.Deliveries.payments;
import static dev.payments.webhooks.Deliveries.stored;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.payments.support.Fixtures.TestWebsite;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract section 8: a payment deleted through DELETE /api/v1/payments stays deleted; whatever its provider sends
 * about its transaction afterwards is answered Event ignored and brings nothing back.
 */
@QuarkusTest
class DeletedTransactionsTest {

    private static final String PAYMENT_INTENT = "pi_3RlHe1R7UUImIKwk0Xq1Yb2c";
    private static final String VISITOR = "3cff4252-fa96-4fec-8b1b-b5695e763b65";
    private static final String DELETED = "transaction " + PAYMENT_INTENT + " was deleted through the API";

    private TestWebsite site;
    private String secret;

    @BeforeEach
    void connectStripe() {
        site = website();
        secret = connect(site.id(), "stripe");
    }

    @Test
    void shouldIgnoreADeliveryAboutATransactionDeletedThroughTheApi() {
        record(site, payment(PAYMENT_INTENT));
        delete().queryParam("transaction_id", PAYMENT_INTENT).delete("/api/v1/payments").then().statusCode(200);
        ignoredAsDeleted(send("checkout.session.completed.payment"), "checkout.session.completed");
        stored(site.id(), PAYMENT_INTENT).body("data", hasSize(0));
    }

    @Test
    void shouldIgnoreARefundOfAPaymentDeletedAfterItsWebhook() {
        send("checkout.session.completed.payment").statusCode(200);
        delete().queryParam("transaction_id", PAYMENT_INTENT).delete("/api/v1/payments").then().statusCode(200);
        ignoredAsDeleted(send("charge.refunded"), "charge.refunded");
        assertEquals(List.of(), payments(site.id()));
    }

    @Test
    void shouldIgnoreADeliveryAboutATransactionDeletedWithItsVisitor() {
        send("checkout.session.completed.payment").statusCode(200);
        delete().queryParam("datafast_visitor_id", VISITOR).delete("/api/v1/payments").then().statusCode(200)
                .body("data[0].deleted", equalTo(1));
        ignoredAsDeleted(send("charge.refunded"), "charge.refunded");
        assertEquals(List.of(), payments(site.id()));
    }

    @Test
    void shouldIgnoreADeliveryAboutATransactionDeletedWithinATimeRange() {
        send("checkout.session.completed.payment").statusCode(200);
        delete().queryParam("startAt", "2025-07-15T00:00:00Z").queryParam("endAt", "2025-07-16T00:00:00Z")
                .delete("/api/v1/payments").then().statusCode(200).body("data[0].deleted", equalTo(1));
        ignoredAsDeleted(send("charge.refunded"), "charge.refunded");
        assertEquals(List.of(), payments(site.id()));
    }

    @Test
    void shouldStillRecordTransactionsThatWereNotDeleted() {
        record(site, payment("pi_other"));
        delete().queryParam("transaction_id", "pi_other").delete("/api/v1/payments").then().statusCode(200);
        send("checkout.session.completed.payment").statusCode(200).body("message", equalTo("Payment recorded"));
    }

    @Test
    void shouldKeepATransactionDeletedOnOneWebsiteRecordableOnAnother() {
        record(site, payment(PAYMENT_INTENT));
        delete().queryParam("transaction_id", PAYMENT_INTENT).delete("/api/v1/payments").then().statusCode(200);
        String other = website().id();
        deliver("stripe", other, connect(other, "stripe"), fixture("stripe", "checkout.session.completed.payment"))
                .statusCode(200).body("message", equalTo("Payment recorded"));
    }

    private RequestSpecification delete() {
        return as(BOOTSTRAP).queryParam("websiteId", site.id());
    }

    private ValidatableResponse send(String name) {
        return deliver("stripe", site.id(), secret, fixture("stripe", name));
    }

    private static void ignoredAsDeleted(ValidatableResponse response, String type) {
        response.statusCode(200)
                .body("message", equalTo("Event ignored"))
                .body("event", equalTo(type))
                .body("reason", equalTo(DELETED));
    }
}
