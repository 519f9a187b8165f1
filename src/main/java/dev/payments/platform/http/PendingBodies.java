package dev.payments.platform.http;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of request bodies still arriving, which nobody has authenticated yet: capped per connection and in total
 * ({@link HttpLimits}), so that many slow or large bodies cannot take the instance's memory. Bytes are counted as they
 * arrive, never from a declared length.
 */
@ApplicationScoped
public class PendingBodies {

    private final long mostInTotal;
    private final long mostPerConnection;
    private final AtomicLong total = new AtomicLong();
    private final Map<Object, Long> perConnection = new ConcurrentHashMap<>();

    PendingBodies(HttpLimits limits, MeterRegistry registry) {
        this.mostInTotal = limits.pendingBodyBytes().asLongValue();
        this.mostPerConnection = limits.pendingBodyBytesPerConnection().asLongValue();
        registry.gauge("http.pending.body.bytes", total);
    }

    /** Holds {@code bytes} more for a body arriving on this connection, or nothing when either cap would be passed. */
    boolean hold(Object connection, long bytes) {
        if (total.addAndGet(bytes) > mostInTotal) {
            total.addAndGet(-bytes);
            return false;
        }
        boolean[] held = {true};
        perConnection.compute(connection, (c, before) -> {
            long now = (before == null ? 0 : before) + bytes;
            held[0] = now <= mostPerConnection;
            return held[0] ? Long.valueOf(now) : before;
        });
        if (!held[0]) {
            total.addAndGet(-bytes);
        }
        return held[0];
    }

    /** Gives back what {@link #hold} held for one body, once it has arrived whole or was given up. */
    void release(Object connection, long bytes) {
        if (bytes == 0) {
            return;
        }
        perConnection.computeIfPresent(connection, (c, before) -> before == bytes ? null : before - bytes);
        total.addAndGet(-bytes);
    }

    long total() {
        return total.get();
    }
}
