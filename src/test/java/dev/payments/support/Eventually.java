package dev.payments.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waits for what the service does in the background (flushes, conversions, recovery), polling. */
public final class Eventually {

    private static final Duration POLL = Duration.ofMillis(100);

    private Eventually() {
    }

    /** Whether the condition held within the patience; the caller asserts on the outcome. */
    public static boolean within(Duration patience, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(patience);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Fails unless the condition holds within the bound (waiting up to twice as long, to say how late it came). */
    public static void assertWithin(Duration bound, BooleanSupplier condition, String message) {
        long start = System.nanoTime();
        assertTrue(within(bound.multipliedBy(2), condition), message);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(bound) <= 0, message + " after " + took.toMillis() + " ms");
    }
}
