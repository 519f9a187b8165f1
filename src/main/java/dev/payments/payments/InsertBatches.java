package dev.payments.payments;

import dev.payments.currency.Conversion;
import dev.payments.errors.DatabaseFailures;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit of new payments. Concurrent callers' rows go to PostgreSQL as one multi-row, autocommitted
 * {@code INSERT ... ON CONFLICT DO NOTHING}: one statement and one commit for all of them, where PostgreSQL's limit is
 * commits, not rows. Each caller learns whether its own row was inserted, only once that commit is done.
 *
 * <p>One batch is written at a time, by one of the waiting callers (no thread of its own); the callers arriving
 * meanwhile form the next batch. A lone caller writes its row at once, alone.
 */
@ApplicationScoped
class InsertBatches {

    /**
     * The reporting currency is the website row's, not the cached snapshot's: if the two differ (a currency change
     * not yet seen by this instance's cache), the conversion made for the snapshot is not stored and the payment is
     * pending until converted to the right currency. Of rows with one transaction id, the first in the batch wins.
     */
    private static final String INSERT = """
            insert into payment (website_id, transaction_id, amount, currency, visitor_id, customer_email,
                                 customer_name, customer_id, renewal, refunded, refunded_at, free_trial, occurred_at,
                                 reporting_currency, reporting_amount, reporting_rate, rate_date)
            select w.id, v.transaction_id, v.amount::numeric, v.currency, v.visitor_id, v.customer_email,
                   v.customer_name, v.customer_id, v.renewal::boolean, v.refunded::boolean,
                   v.refunded_at::timestamptz, v.free_trial::boolean, v.occurred_at::timestamptz, w.currency,
                   case when w.currency = v.reporting_currency then v.reporting_amount::numeric end,
                   case when w.currency = v.reporting_currency then v.reporting_rate::numeric end,
                   case when w.currency = v.reporting_currency then v.rate_date::date end
            from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[])
                 with ordinality as v(website_id, transaction_id, amount, currency, visitor_id, customer_email,
                                      customer_name, customer_id, renewal, refunded, refunded_at, free_trial,
                                      occurred_at, reporting_currency, reporting_amount, reporting_rate, rate_date,
                                      position)
            join website w on w.id = v.website_id
            order by v.position
            on conflict (website_id, transaction_id) do nothing
            returning website_id, transaction_id""";
    private static final int COLUMNS = 17;
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

    /** Whether the row was inserted (committed); false when the transaction id is stored already. */
    boolean insert(NewPayment payment) throws SQLException {
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
            Set<Key> inserted = insertAll(batch);
            for (Pending pending : batch) {
                pending.complete(inserted.remove(Key.of(pending.payment)), null);
            }
        } catch (SQLException e) {
            if (batch.size() > 1 && !DatabaseFailures.isUnavailable(e)) {
                // a row the database refuses fails its own caller only
                batch.forEach(pending -> write(List.of(pending)));
            } else {
                batch.forEach(pending -> pending.complete(false, e));
            }
        } catch (RuntimeException | Error e) {
            batch.forEach(pending -> pending.complete(false, e));
            throw e;
        }
    }

    private Set<Key> insertAll(List<Pending> batch) throws SQLException {
        String[][] columns = new String[COLUMNS][batch.size()];
        for (int row = 0; row < batch.size(); row++) {
            String[] values = values(batch.get(row).payment);
            for (int column = 0; column < COLUMNS; column++) {
                columns[column][row] = values[column];
            }
        }
        batchRows.record(batch.size());
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (int column = 0; column < COLUMNS; column++) {
                insert.setArray(column + 1, connection.createArrayOf("text", columns[column]));
            }
            Set<Key> inserted = new HashSet<>();
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    inserted.add(new Key(rows.getString(1), rows.getString(2)));
                }
            }
            return inserted;
        }
    }

    private static String[] values(NewPayment p) {
        Conversion conversion = p.conversion();
        return new String[] {p.websiteId(), p.transactionId(), p.amount().toPlainString(), p.currency(), p.visitorId(),
            p.customerEmail(), p.customerName(), p.customerId(), String.valueOf(p.renewal()),
            String.valueOf(p.refunded()), p.refunded() ? p.receivedAt().toString() : null,
            String.valueOf(p.freeTrial()), p.occurredAt().toString(), p.reportingCurrency(),
            conversion == null ? null : conversion.amount().toPlainString(),
            conversion == null ? null : conversion.rate().toPlainString(),
            conversion == null ? null : conversion.rateDate().toString()};
    }

    private record Key(String websiteId, String transactionId) {

        static Key of(NewPayment payment) {
            return new Key(payment.websiteId(), payment.transactionId());
        }
    }

    private static final class Pending {

        final NewPayment payment;
        final Thread caller;
        private volatile boolean done;
        private boolean inserted;
        private Throwable failure;

        Pending(NewPayment payment, Thread caller) {
            this.payment = payment;
            this.caller = caller;
        }

        /** The fields written before the volatile {@code done} are visible to whoever reads {@code done} as true. */
        void complete(boolean inserted, Throwable failure) {
            if (done) {
                return;
            }
            this.inserted = inserted;
            this.failure = failure;
            this.done = true;
            LockSupport.unpark(caller);
        }

        boolean done() {
            return done;
        }

        boolean result() throws SQLException {
            if (failure instanceof SQLException e) {
                throw new SQLException(e.getMessage(), e.getSQLState(), e);
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return inserted;
        }
    }
}
