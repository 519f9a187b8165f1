package dev.payments.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.payments.support.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A client that goes away in the middle of its request is nobody's error: nothing to answer, no ERROR line. */
@QuarkusTest
class ClientDisconnectTest {

    private static final String ERROR_HANDLER = "io.quarkus.vertx.http.runtime.QuarkusErrorHandler";
    /** The server learns of the closed connection on its event loop, shortly after the client closes it. */
    private static final long SETTLE_MILLIS = 1_000;

    @Test
    void shouldLogNoErrorWhenTheClientClosesTheConnectionBeforeSendingTheWholeBody() throws Exception {
        try (LogCapture errors = LogCapture.of(ERROR_HANDLER)) {
            try (Socket socket = new Socket("localhost", RestAssured.port)) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/v1/payments HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 1000\r\n\r\n{\"amount\":").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            Thread.sleep(SETTLE_MILLIS);
            assertEquals(List.of(), errors.lines());
        }
    }
}
