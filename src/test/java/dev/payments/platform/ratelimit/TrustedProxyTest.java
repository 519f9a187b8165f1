package dev.payments.platform.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.payments.account.credentials.Secrets;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Behind a trusted proxy the per-address quota counts the address it forwards, so that one client's unknown tokens
 * never refuse another's; an untrusted peer's X-Forwarded-For changes nothing.
 */
@QuarkusTest
@TestProfile(TrustedProxyTest.BehindALocalProxy.class)
class TrustedProxyTest {

    private static final int QUOTA = 3;
    private static final String REFUSED = "HTTP/1.1 429 Too Many Requests";
    private static final String UNKNOWN = "HTTP/1.1 401 Unauthorized";

    public static class BehindALocalProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("payments.http.trusted-proxies", "127.0.0.1",
                    "payments.rate-limit.unknown-tokens", String.valueOf(QUOTA),
                    "payments.rate-limit.period", "1h");
        }
    }

    @Test
    void shouldCountUnknownTokensAgainstTheAddressTheTrustedProxyForwards() throws IOException {
        InetAddress proxy = InetAddress.getByName("127.0.0.1");
        for (int i = 0; i < QUOTA; i++) {
            assertEquals(UNKNOWN, unknownToken(proxy, "198.51.100.1"));
        }
        assertEquals(REFUSED, unknownToken(proxy, "198.51.100.1"));
        // another client behind the same proxy has its own quota
        assertEquals(UNKNOWN, unknownToken(proxy, "198.51.100.2"));
    }

    @Test
    void shouldCountAgainstTheConnectionsAddressWhenItIsNoTrustedProxy() throws IOException {
        InetAddress stranger = InetAddress.getByName("127.0.0.24");
        for (int i = 0; i < QUOTA; i++) {
            assertEquals(UNKNOWN, unknownToken(stranger, "203.0.113." + i));
        }
        assertEquals(REFUSED, unknownToken(stranger, "203.0.113.99"));
    }

    private static String unknownToken(InetAddress from, String forwardedFor) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), RestAssured.port, from, 0)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /api/v1/payments HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: "
                    + forwardedFor + "\r\nAuthorization: Bearer " + Secrets.newSecret(Secrets.WEBSITE_KEY_PREFIX)
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }
}
