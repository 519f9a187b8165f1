package dev.payments.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.MemorySize;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The bytes of bodies still arriving are capped per connection and in total, and given back whole. */
class PendingBodiesTest {

    private final PendingBodies pending = new PendingBodies(limits(100, 60), new SimpleMeterRegistry());

    @Test
    void shouldRefuseABodyPastItsConnectionsShare() {
        Object connection = new Object();
        assertTrue(pending.hold(connection, 50));
        assertFalse(pending.hold(connection, 11));
        assertEquals(50, pending.total());
    }

    @Test
    void shouldRefuseABodyPastTheInstancesTotal() {
        assertTrue(pending.hold(new Object(), 60));
        assertFalse(pending.hold(new Object(), 41));
        assertEquals(60, pending.total());
    }

    @Test
    void shouldGiveEveryByteBackWhenTheBodiesEnd() {
        Object connection = new Object();
        assertTrue(pending.hold(connection, 30));
        assertTrue(pending.hold(connection, 30));
        pending.release(connection, 30);
        pending.release(connection, 30);
        assertEquals(0, pending.total());
        assertTrue(pending.hold(connection, 60));
    }

    private static HttpLimits limits(long total, long perConnection) {
        return new HttpLimits() {
            @Override
            public Duration bodyTimeout() {
                return Duration.ofSeconds(10);
            }

            @Override
            public MemorySize pendingBodyBytes() {
                return new MemorySize(java.math.BigInteger.valueOf(total));
            }

            @Override
            public MemorySize pendingBodyBytesPerConnection() {
                return new MemorySize(java.math.BigInteger.valueOf(perConnection));
            }
        };
    }
}
