package dev.payments.payments.writing;

import dev.payments.platform.database.Jdbc;
import dev.payments.platform.errors.DatabaseFailures;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Group commit of new payments. Concurrent callers' rows go to PostgreSQL as one multi-row, autocommitted
 * {@code INSERT ... ON CONFLICT DO NOTHING}: one statement and one commit for all of them, where PostgreSQL's limit is
 * commits, not rows. Each caller learns what became of its own row, only once that commit is done.
 *
 * <p>A writer thread of its own takes the queued rows, up to {@value #MAX_BATCH} at a time, one batch after the other;
 * the callers arriving meanwhile form the next batch, and a lone caller's row is written at once. Every wait is
 * bounded: a caller waits at most {@link #CALLER_WAIT} for its outcome (then it gets a 503, its outcome unknown: a
 * retry is idempotent), and the batch statement waits at most {@value #BATCH_LOCK_WAIT} for another transaction's
 * lock. A batch that fails for another reason than the database being unavailable (a lock it could not get, a row the
 * database refuses, a row that breaks the code) hands each row back to its caller, to be written alone on the caller's
 * own connection: there a lock wait delays, and a failure fails, only the caller whose row it is. The writer itself
 * never stops on a failure.
 */
@Startup // its metric exists from start-up, at 0
@ApplicationScoped
class InsertBatches {

    private static final Logger LOG = Logger.getLogger(InsertBatches.class);
    /** Rows per statement; more waiting callers make the next batch. */
    private static final int MAX_BATCH = 128;
    /** PostgreSQL's syntax. Short: while the statement waits, every row of the batch waits with it. */
    static final String BATCH_LOCK_WAIT = "500ms";
    /** Alone, a row waits for locks as long as the statement timeout lets it. */
    private static final String NO_LOCK_LIMIT = "0";
    static final Duration CALLER_WAIT = Duration.ofSeconds(10);

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Jdbc jdbc;
    private final DistributionSummary batchRows;
    private Thread writer;
    private volatile boolean stopped;

    InsertBatches(Jdbc jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.batchRows = DistributionSummary.builder("payments.insert.batch.rows")
                .description("New-payment rows per insert statement (and commit)").register(registry);
    }

    @PostConstruct
    void start() {
        writer = new Thread(this::writeUntilStopped, "payments-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        stopped = true;
        writer.interrupt();
        writer.join(TimeUnit.SECONDS.toMillis(1));
        SQLException stopping = new SQLTransientConnectionException("the service is stopping");
        for (Pending pending = queue.poll(); pending != null; pending = queue.poll()) {
            pending.outcome.completeExceptionally(stopping);
        }
    }

    /** Returns once the row is committed, or found stored already (or gone, or without a website). */
    Insertion insert(NewPayment payment) throws SQLException {
        return insertAll(List.of(payment)).get(0);
    }

    /**
     * Queues every row at once, so that they share statements with each other and with concurrent callers' rows;
     * returns, in order, what became of each once all are committed. A failure of any fails the call (each row's
     * outcome is then unknown: a retry is idempotent).
     */
    List<Insertion> insertAll(List<NewPayment> payments) throws SQLException {
        if (stopped) {
            throw new SQLTransientConnectionException("the service is stopping");
        }
        List<Pending> mine = payments.stream().map(Pending::new).toList();
        queue.addAll(mine);
        List<Insertion> insertions = new ArrayList<>(payments.size());
        for (Pending pending : mine) {
            Optional<Insertion> insertion = pending.await();
            insertions.add(insertion.isPresent() ? insertion.get() : alone(pending.payment));
        }
        return insertions;
    }

    private Insertion alone(NewPayment payment) {
        batchRows.record(1);
        return jdbc.onConnection(connection -> BatchStatements.write(connection, List.of(payment), NO_LOCK_LIMIT))
                .get(0);
    }

    private void writeUntilStopped() {
        while (!stopped) {
            List<Pending> batch = new ArrayList<>();
            try {
                take(queue.take(), batch);
                for (Pending next; batch.size() < MAX_BATCH && (next = queue.poll()) != null; ) {
                    take(next, batch);
                }
            } catch (InterruptedException e) {
                return; // stopping
            }
            if (!batch.isEmpty()) {
                write(batch);
            }
        }
    }

    /** A row whose caller has given up waiting is not written. */
    private static void take(Pending pending, List<Pending> batch) {
        if (pending.claim()) {
            batch.add(pending);
        }
    }

    /** Completes every row of the batch, whatever happens. */
    private void write(List<Pending> batch) {
        batchRows.record(batch.size());
        try {
            List<Insertion> insertions = jdbc.onConnection(connection -> BatchStatements.write(connection,
                    batch.stream().map(p -> p.payment).toList(), BATCH_LOCK_WAIT));
            for (int row = 0; row < batch.size(); row++) {
                batch.get(row).outcome.complete(Optional.of(insertions.get(row)));
            }
        } catch (RuntimeException e) {
            if (!DatabaseFailures.isUnavailable(e) && (batch.size() > 1 || DatabaseFailures.isLockTimeout(e))) {
                // maybe one row's fault, or another transaction's lock: each caller writes its own row alone
                batch.forEach(pending -> pending.outcome.complete(Optional.empty()));
            } else {
                batch.forEach(pending -> pending.outcome.completeExceptionally(e));
            }
        } catch (Error e) {
            LOG.errorf(e, "Writing a batch of %d new payments failed", batch.size());
            batch.forEach(pending -> pending.outcome.completeExceptionally(e));
        }
    }

    private static final class Pending {

        final NewPayment payment;
        /** Empty: the batch could not write it, the caller is to write it alone. */
        final CompletableFuture<Optional<Insertion>> outcome = new CompletableFuture<>();
        private final AtomicBoolean claimed = new AtomicBoolean();

        Pending(NewPayment payment) {
            this.payment = payment;
        }

        /** Taken by the writer, or given up by its caller: whichever comes first. */
        boolean claim() {
            return claimed.compareAndSet(false, true);
        }

        Optional<Insertion> await() throws SQLException {
            try {
                return outcome.get(CALLER_WAIT.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                claim();
                throw new SQLTransientConnectionException("the database did not record the payment within "
                        + CALLER_WAIT.toSeconds() + " s");
            } catch (InterruptedException e) {
                claim();
                Thread.currentThread().interrupt();
                throw new SQLTransientConnectionException("interrupted while the payment was being recorded", e);
            } catch (ExecutionException e) {
                Throwable failure = e.getCause();
                if (failure instanceof SQLException sql) {
                    throw new SQLException(sql.getMessage(), sql.getSQLState(), sql);
                }
                if (failure instanceof Error error) {
                    throw error;
                }
                throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
            }
        }
    }
}
