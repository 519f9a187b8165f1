package dev.payments.platform.http;

import static dev.payments.support.Fixtures.unique;
import static dev.payments.support.Fixtures.website;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payments.support.Fixtures.TestWebsite;
import dev.payments.support.Http2;
import dev.payments.support.Http2.Reply;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The payment routes' contract cases over HTTP/2 cleartext, started by upgrade (h2c) and with prior knowledge: every
 * answer as over HTTP/1.1, bodies over the cap included.
 */
@QuarkusTest
class Http2Test {

    private static final String PAYMENTS = "/api/v1/payments";

    private TestWebsite site;

    @BeforeEach
    void newWebsite() {
        site = website();
    }

    @ParameterizedTest
    @EnumSource(Http2.class)
    void shouldRecordAPaymentItsRepeatAndItsRefund(Http2 client) throws Exception {
        String tx = unique("h2");
        assertSuccess(client.send("POST", PAYMENTS, site.key(), payment(tx, false)), "Payment recorded", tx);
        assertSuccess(client.send("POST", PAYMENTS, site.key(), payment(tx, false)),
                "Payment already recorded; duplicate skipped", tx);
        assertSuccess(client.send("POST", PAYMENTS, site.key(), payment(tx, true)), "Payment marked as refunded", tx);
    }

    @ParameterizedTest
    @EnumSource(Http2.class)
    void shouldListAPaymentRecorded(Http2 client) throws Exception {
        String tx = unique("h2");
        client.send("POST", PAYMENTS, site.key(), payment(tx, false));
        Reply list = client.send("GET", PAYMENTS + "?transaction_id=" + tx, site.key(), null);
        assertAll(() -> assertTrue(list.http2()), () -> assertEquals(200, list.status(), list.body()),
                () -> assertEquals(List.of(tx), list.json().getList("data.transaction_id")),
                () -> assertEquals(50, list.json().getInt("pagination.limit")));
    }

    @ParameterizedTest
    @EnumSource(Http2.class)
    void shouldDeleteAPaymentAndThenAnswer404(Http2 client) throws Exception {
        String tx = unique("h2");
        client.send("POST", PAYMENTS, site.key(), payment(tx, false));
        Reply deleted = client.send("DELETE", PAYMENTS + "?transaction_id=" + tx, site.key(), null);
        assertAll(() -> assertTrue(deleted.http2()), () -> assertEquals(200, deleted.status(), deleted.body()),
                () -> assertEquals(1, deleted.json().getInt("data[0].deleted")));
        assertError(client.send("DELETE", PAYMENTS + "?transaction_id=" + tx, site.key(), null), 404, "not_found");
    }

    @ParameterizedTest
    @EnumSource(Http2.class)
    void shouldRefuseAnInvalidPaymentInTheErrorShape(Http2 client) throws Exception {
        Reply reply = client.send("POST", PAYMENTS, site.key(),
                "{\"amount\": -5, \"currency\": \"USD\", \"transaction_id\": \"" + unique("h2") + "\"}");
        assertError(reply, 400, "validation_failed");
        assertEquals(List.of("amount"), reply.json().getList("error.fields"));
    }

    @ParameterizedTest
    @EnumSource(Http2.class)
    void shouldRefuseAMissingBodyWith400(Http2 client) throws Exception {
        assertError(client.send("POST", PAYMENTS, site.key(), ""), 400, "validation_failed");
    }

    @ParameterizedTest
    @EnumSource(Http2.class)
    void shouldRefuseABodyOver64KiBWith413(Http2 client) throws Exception {
        String body = "{\"amount\": 1, \"currency\": \"USD\", \"transaction_id\": \"" + unique("h2")
                + "\", \"padding\": \"" + "x".repeat(70 * 1024) + "\"}";
        assertError(client.send("POST", PAYMENTS, site.key(), body), 413, "payload_too_large");
    }

    @ParameterizedTest
    @EnumSource(Http2.class)
    void shouldRefuseAMissingTokenWith401(Http2 client) throws Exception {
        assertError(client.send("POST", PAYMENTS, null, payment(unique("h2"), false)), 401, "unauthorized");
    }

    @ParameterizedTest
    @EnumSource(Http2.class)
    void shouldAnswerAnUnknownRouteAndAWrongMethodInTheErrorShape(Http2 client) throws Exception {
        assertError(client.send("GET", "/api/v1/nope", site.key(), null), 404, "not_found");
        assertError(client.send("PATCH", PAYMENTS, site.key(), payment(unique("h2"), false)), 405,
                "method_not_allowed");
    }

    private static String payment(String transactionId, boolean refunded) {
        return "{\"amount\": 29.99, \"currency\": \"USD\", \"transaction_id\": \"" + transactionId
                + "\", \"refunded\": " + refunded + "}";
    }

    private static void assertSuccess(Reply reply, String message, String transactionId) {
        assertAll(() -> assertTrue(reply.http2(), "not answered over HTTP/2"),
                () -> assertEquals(200, reply.status(), reply.body()),
                () -> assertEquals(message, reply.json().getString("message")),
                () -> assertEquals(transactionId, reply.json().getString("transaction_id")));
    }

    private static void assertError(Reply reply, int status, String type) {
        assertAll(() -> assertTrue(reply.http2(), "not answered over HTTP/2"),
                () -> assertEquals(status, reply.status(), reply.body()),
                () -> assertTrue(String.valueOf(reply.contentType()).startsWith("application/json"),
                        () -> "not JSON: " + reply.contentType()),
                () -> assertEquals("error", reply.json().getString("status")),
                () -> assertEquals(status, reply.json().getInt("error.code")),
                () -> assertEquals(type, reply.json().getString("error.type")),
                () -> assertTrue(!reply.json().getString("error.message").isBlank()));
    }
}
