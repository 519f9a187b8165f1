package dev.payments.platform.http;

import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.unique;
import static dev.payments.support.Fixtures.website;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.payments.support.Fixtures.TestWebsite;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bodies are read before the request moves to a worker: in pieces, late, or never completed. */
@QuarkusTest
class BodyPrefetchTest {

    private static final Duration PAUSE = Duration.ofMillis(300);

    /** More than the worker threads there are (Quarkus's default: 200 at most). */
    private static final int SLOW_CLIENTS = 250;

    @ConfigProperty(name = "payments.http.body-timeout")
    Duration bodyTimeout;

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
    void shouldAnswer408AndCloseTheConnectionWhenTheBodyStopsArriving() throws Exception {
        byte[] body = paymentJson(unique("tx"));
        try (Socket socket = connect(bodyTimeout.plusSeconds(10))) {
            OutputStream out = socket.getOutputStream();
            send(out, head(body.length));
            send(out, Arrays.copyOfRange(body, 0, body.length / 2));
            long sent = System.nanoTime();
            BufferedReader in = reader(socket);
            String status = in.readLine();
            Duration waited = Duration.ofNanos(System.nanoTime() - sent);
            assertEquals("HTTP/1.1 408 Request Timeout", status);
            assertTrue(waited.compareTo(bodyTimeout.minusSeconds(1)) > 0, () -> "answered after only " + waited);
            String rest = readToTheEnd(in);
            assertTrue(rest.contains("\"type\":\"request_timeout\"") && rest.contains("\"code\":408"),
                    () -> "not the error shape: " + rest);
        }
        as(site.key()).get("/api/v1/payments").then().statusCode(200);
    }

    @Test
    void shouldKeepAnsweringWhileHundredsOfChunkedWebhookBodiesTrickleIn() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                Socket socket = connect(Duration.ofSeconds(30));
                slow.add(socket);
                send(socket.getOutputStream(), ("POST /api/v1/webhooks/stripe/" + site.id() + " HTTP/1.1\r\n"
                        + "Host: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "1\r\n{\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            // every one of those bodies is still arriving: none may hold a worker meanwhile
            as(site.key()).get("/api/v1/payments?limit=1").then().statusCode(200);
            as(site.key()).contentType("application/json").body(new String(paymentJson(unique("tx")),
                    StandardCharsets.UTF_8)).post("/api/v1/payments").then().statusCode(200);
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
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
        return reader(socket).readLine();
    }

    private static BufferedReader reader(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
    }

    /** The rest of the answer, up to the end of the connection, which the service must close. */
    private static String readToTheEnd(BufferedReader in) throws IOException {
        StringBuilder rest = new StringBuilder();
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                rest.append(line).append('\n');
            }
        } catch (SocketTimeoutException e) {
            fail("the connection stays open after the answer");
        }
        return rest.toString();
    }
}
