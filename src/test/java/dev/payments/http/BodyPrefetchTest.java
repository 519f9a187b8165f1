package dev.payments.http;

import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.unique;
import static dev.payments.support.Fixtures.website;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payments.support.Fixtures.TestWebsite;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Small bodies are read before the request moves to a worker: in pieces, late, or never completed. */
@QuarkusTest
class BodyPrefetchTest {

    private static final Duration PAUSE = Duration.ofMillis(300);

    @ConfigProperty(name = "payments.request-timeout")
    Duration deadline;

    private TestWebsite site;

    @BeforeEach
    void newWebsite() {
        site = website();
    }

    @Test
    void shouldRecordAPaymentWhoseBodyArrivesInPiecesAfterItsHeaders() throws Exception {
        String transactionId = unique("tx");
        byte[] body = paymentJson(transactionId);
        try (Socket socket = connect(Duration.ofSeconds(15))) {
            OutputStream out = socket.getOutputStream();
            send(out, head(body.length));
            Thread.sleep(PAUSE.toMillis());
            send(out, Arrays.copyOfRange(body, 0, body.length / 2));
            Thread.sleep(PAUSE.toMillis());
            send(out, Arrays.copyOfRange(body, body.length / 2, body.length));
            assertEquals("HTTP/1.1 200 OK", statusLine(socket));
        }
        as(site.key()).get("/api/v1/payments").then().statusCode(200)
                .body("data.transaction_id", hasItem(transactionId));
    }

    @Test
    void shouldAnswer503AtTheDeadlineWhenTheBodyStopsArriving() throws Exception {
        byte[] body = paymentJson(unique("tx"));
        try (Socket socket = connect(deadline.plusSeconds(10))) {
            OutputStream out = socket.getOutputStream();
            send(out, head(body.length));
            send(out, Arrays.copyOfRange(body, 0, body.length / 2));
            long sent = System.nanoTime();
            String status = statusLine(socket);
            Duration waited = Duration.ofNanos(System.nanoTime() - sent);
            assertEquals("HTTP/1.1 503 Service Unavailable", status);
            assertTrue(waited.compareTo(deadline.minusSeconds(1)) > 0, () -> "answered after only " + waited);
        }
        // the worker threads and the event loop are free for the next request
        as(site.key()).get("/api/v1/payments").then().statusCode(200);
    }

    private byte[] head(int length) {
        return ("POST /api/v1/payments HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + site.key()
                + "\r\nContent-Type: application/json\r\nContent-Length: " + length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] paymentJson(String transactionId) {
        return ("{\"amount\": 29.99, \"currency\": \"USD\", \"transaction_id\": \"" + transactionId + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static Socket connect(Duration readTimeout) throws IOException {
        Socket socket = new Socket("localhost", RestAssured.port);
        socket.setSoTimeout((int) readTimeout.toMillis());
        return socket;
    }

    private static void send(OutputStream out, byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    private static String statusLine(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                .readLine();
    }
}
