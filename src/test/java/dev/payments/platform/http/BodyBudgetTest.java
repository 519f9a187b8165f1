package dev.payments.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bodies still arriving share a cap on the bytes they hold: the body that would pass it is refused, not waited for. */
@QuarkusTest
@TestProfile(BodyBudgetTest.SmallBudget.class)
class BodyBudgetTest {

    private static final int PART = 30 * 1024;

    public static class SmallBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // two parts fit, three do not; an unfinished body is given up after 2 s
            return Map.of("payments.http.pending-body-bytes", String.valueOf(PART * 5 / 2),
                    "payments.http.body-timeout", "2S");
        }
    }

    @Test
    void shouldRefuseTheBodyThatWouldPassTheInstancesCapWith503() throws Exception {
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                Socket socket = new Socket("localhost", RestAssured.port);
                socket.setSoTimeout(30_000);
                sockets.add(socket);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/v1/webhooks/stripe/site HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json\r\nContent-Length: " + (2 * PART) + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(new byte[PART]);
                out.flush();
            }
            List<String> statuses = new ArrayList<>();
            for (Socket socket : sockets) {
                statuses.add(new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.US_ASCII)).readLine());
            }
            assertEquals(1, statuses.stream().filter("HTTP/1.1 503 Service Unavailable"::equals).count(),
                    statuses::toString);
            assertEquals(2, statuses.stream().filter("HTTP/1.1 408 Request Timeout"::equals).count(),
                    statuses::toString);
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }
}
