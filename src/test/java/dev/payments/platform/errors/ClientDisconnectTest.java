package dev.payments.platform.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payments.platform.http.ErrorMappers;
import dev.payments.support.Eventually;
import dev.payments.support.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A client that goes away in the middle of its request is nobody's error: nothing to answer, no ERROR line. */
@QuarkusTest
class ClientDisconnectTest {

    private static final String ERROR_HANDLER = "io.quarkus.vertx.http.runtime.QuarkusErrorHandler";
    private static final String MAPPERS = ErrorMappers.class.getName();

    @Test
    void shouldLogNoErrorWhenTheClientClosesTheConnectionBeforeSendingTheWholeBody() throws Exception {
        try (LogCapture errors = LogCapture.of(ERROR_HANDLER);
                LogCapture mapped = LogCapture.of(MAPPERS).withDebug(MAPPERS)) {
            try (Socket socket = new Socket("localhost", RestAssured.port)) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/v1/payments HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 1000\r\n\r\n{\"amount\":").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            // the server learns of the closed connection on its event loop, some time after the client closes it;
            // the REST layer then maps the failure, quietly or with an error
            assertTrue(Eventually.within(Duration.ofSeconds(10),
                    () -> !errors.lines().isEmpty() || !mapped.lines().isEmpty()),
                    "the server did not notice the closed connection");
            assertEquals(List.of(), errors.lines());
            assertEquals(List.of(), mapped.errors());
        }
    }
}
