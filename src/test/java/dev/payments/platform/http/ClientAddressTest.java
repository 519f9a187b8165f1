package dev.payments.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The client address is read from X-Forwarded-For only as far as trusted proxies wrote it. */
class ClientAddressTest {

    private final ClientAddress behindTwoProxies = trusting("127.0.0.1", "10.0.0.0/8", "fd00::/8");

    @Test
    void shouldTakeThePeerWhenItIsNoTrustedProxy() {
        assertEquals("203.0.113.9", behindTwoProxies.resolve("203.0.113.9", List.of("198.51.100.1")));
    }

    @Test
    void shouldTakeTheAddressTheTrustedProxiesForwarded() {
        assertEquals("198.51.100.7", behindTwoProxies.resolve("127.0.0.1", List.of("198.51.100.7, 10.1.2.3")));
    }

    @Test
    void shouldNeverBelieveWhatTheClientWroteLeftOfItsOwnAddress() {
        assertEquals("198.51.100.7",
                behindTwoProxies.resolve("127.0.0.1", List.of("1.2.3.4, 5.6.7.8", "198.51.100.7, 10.1.2.3")));
    }

    @Test
    void shouldStopAtAnEntryThatIsNoAddress() {
        assertEquals("10.1.2.3", behindTwoProxies.resolve("127.0.0.1", List.of("evil.example, 10.1.2.3")));
    }

    @Test
    void shouldMatchIpv6Ranges() {
        assertEquals("2001:db8::1", behindTwoProxies.resolve("fd12::1", List.of("2001:db8::1")));
    }

    @Test
    void shouldKeepThePeerWithoutTrustedProxies() {
        assertEquals("127.0.0.1", trusting().resolve("127.0.0.1", List.of("198.51.100.7")));
    }

    @Test
    void shouldRefuseAHostNameAsATrustedProxy() {
        assertThrows(IllegalArgumentException.class, () -> trusting("proxy.internal"));
    }

    private static ClientAddress trusting(String... proxies) {
        return new ClientAddress(() -> Optional.of(List.of(proxies)));
    }
}
