package dev.payments.payments;

import dev.payments.errors.DatabaseFailures;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit of new payments. Concurrent callers' rows go to PostgreSQL as one multi-row, autocommitted
 * {@code INSERT ... ON CONFLICT DO NOTHING}: one statement and one commit for all of them, where PostgreSQL's limit is
 * commits, not rows. Each caller learns whether its own row was inserted, only once that commit is done; the rows
 * whose transaction ids were known already are read back in one more statement, for the duplicates.
 *
 * <p>One batch is written at a time, by one of the waiting callers (no thread of its own); the callers arriving
 * meanwhile form the next batch. A lone caller writes its row at once, alone.
 */
@Startup // its metric exists from start-up, at 0
@ApplicationScoped
class InsertBatches {

    /** Rows per statement; more waiting callers make the next batch. */
    private static final int MAX_BATCH = 128;

    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writer = new ReentrantLock();
    private final AgroalDataSource dataSource;
    private final DistributionSummary batchRows;

    InsertBatches(AgroalDataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.batchRows = DistributionSummary.builder("payments.insert.batch.rows")
                .description("New-payment rows per insert statement (and commit)").register(registry);
    }

    /** Returns once the row is committed, or found stored already. */
    Insertion insert(NewPayment payment) throws SQLException {
        Pending mine = new Pending(payment, Thread.currentThread());
        queue.add(mine);
        while (!mine.done()) {
            if (writer.tryLock()) {
                try {
                    while (!mine.done()) {
                        write(drain());
                    }
                } finally {
                    writer.unlock();
                }
                // the callers queued behind us wait for a writer: wake the first to become it
                Pending next = queue.peek();
                if (next != null) {
                    LockSupport.unpark(next.caller);
                }
            } else {
                LockSupport.park(this);
            }
        }
        return mine.result();
    }

    private List<Pending> drain() {
        List<Pending> batch = new ArrayList<>();
        Pending next;
        while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
            batch.add(next);
        }
        return batch;
    }

    /** Completes every pending row of the batch, whatever happens. */
    private void write(List<Pending> batch) {
        try {
            batchRows.record(batch.size());
            try (Connection connection = dataSource.getConnection()) {
                Set<BatchStatements.Key> inserted = BatchStatements.insert(connection, payments(batch));
                List<Pending> known = new ArrayList<>();
                for (Pending pending : batch) {
                    if (inserted.remove(BatchStatements.Key.of(pending.payment))) {
                        pending.complete(Insertion.INSERTED, null);
                    } else {
                        known.add(pending);
                    }
                }
                if (!known.isEmpty()) {
                    Map<BatchStatements.Key, StoredPayment> stored = BatchStatements.read(connection, payments(known));
                    for (Pending pending : known) {
                        pending.complete(Insertion.existing(stored.get(BatchStatements.Key.of(pending.payment))), null);
                    }
                }
            }
        } catch (SQLException e) {
            List<Pending> open = batch.stream().filter(pending -> !pending.done()).toList();
            if (open.size() > 1 && !DatabaseFailures.isUnavailable(e)) {
                // a row the database refuses fails its own caller only
                open.forEach(pending -> write(List.of(pending)));
            } else {
                open.forEach(pending -> pending.complete(null, e));
            }
        } catch (RuntimeException | Error e) {
            batch.forEach(pending -> pending.complete(null, e));
            throw e;
        }
    }

    private static List<NewPayment> payments(List<Pending> pendings) {
        return pendings.stream().map(pending -> pending.payment).toList();
    }

    private static final class Pending {

        final NewPayment payment;
        final Thread caller;
        private volatile boolean done;
        private Insertion insertion;
        private Throwable failure;

        Pending(NewPayment payment, Thread caller) {
            this.payment = payment;
            this.caller = caller;
        }

        /** The fields written before the volatile {@code done} are visible to whoever reads {@code done} as true. */
        void complete(Insertion insertion, Throwable failure) {
            if (done) {
                return;
            }
            this.insertion = insertion;
            this.failure = failure;
            this.done = true;
            LockSupport.unpark(caller);
        }

        boolean done() {
            return done;
        }

        Insertion result() throws SQLException {
            if (failure instanceof SQLException e) {
                throw new SQLException(e.getMessage(), e.getSQLState(), e);
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return insertion;
        }
    }
}
