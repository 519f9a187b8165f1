package dev.payments.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payments.support.Eventually;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The create routes run on virtual threads, which take their connections from the same pool. Asking Agroal 3.2 for
 * them directly, virtual threads that found the pool growing spun until there was a connection: the spinners held
 * every carrier, the threads opening connections (parked on their sockets) never ran again, and the service answered
 * nothing from then on. It struck at random under load, whenever the pool had to grow to its maximum.
 * {@link PooledConnections} asks for them on platform threads of its own, no more of those than the pool has
 * connections.
 */
@QuarkusTest
class PoolRefillTest {

    /** Several times the pool's maximum (20), so that it grows to the maximum with creations still running. */
    private static final int BORROWERS = 100;

    @Inject
    AgroalDataSource pool;

    @Inject
    PooledConnections connections;

    @Test
    void shouldLendEveryVirtualThreadAConnectionWhileThePoolGrowsToItsMaximum() throws Exception {
        emptyThePool();
        AtomicInteger served = new AtomicInteger();
        ExecutorService threads = borrowAtOnce(served);
        // not close(): that would wait for threads that may never end
        assertTrue(threads.awaitTermination(30, TimeUnit.SECONDS), served.get() + " of " + BORROWERS + " served");
        assertEquals(BORROWERS, served.get(), "borrowers whose connection came (the others failed, timed out)");
    }

    @Test
    void shouldAskThePoolOnNoMoreThreadsThanItHasConnections() throws Exception {
        emptyThePool();
        ExecutorService threads = borrowAtOnce(new AtomicInteger());
        long most = 0;
        boolean seenAsking = false;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!threads.awaitTermination(5, TimeUnit.MILLISECONDS) && System.nanoTime() < until) {
            List<StackTraceElement[]> askers = Thread.getAllStackTraces().entrySet().stream()
                    .filter(thread -> thread.getKey().getName().startsWith("connection-asker-"))
                    .map(Map.Entry::getValue).toList();
            most = Math.max(most, askers.size());
            seenAsking |= askers.stream().anyMatch(PoolRefillTest::asking);
        }
        // asker threads of an earlier test idle for a minute: only one seen asking shows these borrowers used them
        assertTrue(seenAsking, "no connection-asker- thread seen asking the pool (" + most + " seen)");
        assertTrue(most <= pool.getConfiguration().connectionPoolConfiguration().maxSize(), most + " asker threads");
    }

    private static boolean asking(StackTraceElement[] stack) {
        return Arrays.stream(stack).anyMatch(frame -> frame.getClassName().equals(PooledConnections.class.getName()));
    }

    /** Again and again: a connection the service's own background work was using comes back idle meanwhile. */
    private void emptyThePool() {
        assertTrue(Eventually.within(Duration.ofSeconds(30), () -> {
            pool.flush(AgroalDataSource.FlushMode.IDLE);
            return pool.getMetrics().availableCount() == 0;
        }), pool.getMetrics().availableCount() + " idle connections left in the pool");
    }

    /** Starts BORROWERS virtual threads at once, each holding a connection for 20 ms; shut down, not awaited. */
    private ExecutorService borrowAtOnce(AtomicInteger served) {
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        for (int i = 0; i < BORROWERS; i++) {
            threads.submit(() -> {
                try (Connection connection = connections.getConnection();
                        Statement statement = connection.createStatement()) {
                    statement.execute("select pg_sleep(0.02)");
                }
                return served.incrementAndGet();
            });
        }
        threads.shutdown();
        return threads;
    }
}
