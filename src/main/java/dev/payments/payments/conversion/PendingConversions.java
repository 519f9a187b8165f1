package dev.payments.payments.conversion;

import dev.payments.account.directory.ReportingCurrencyChanged;
import dev.payments.currency.Conversion;
import dev.payments.currency.ExchangeRates;
import dev.payments.currency.RatesLoaded;
import dev.payments.platform.database.Jdbc;
import dev.payments.platform.database.JdbcFailure;
import dev.payments.platform.database.JobLocks;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Payments recorded before the rate of their day was known (reporting_amount null) are converted when rates arrive,
 * after a website's reporting currency changes (its payments are first reset to pending, see {@link Reconversions}),
 * and every pending interval. A payment tried and still not convertible (a currency ECB does not publish, a day in a
 * gap) is tried again only once the rates have changed since. One pass at a time, on one instance at a time (the job
 * lock); a request made during a pass, here or on another instance, starts another one after it.
 */
@ApplicationScoped
class PendingConversions {

    private static final Logger LOG = Logger.getLogger(PendingConversions.class);
    private static final int BATCH = 500;
    private static final Duration WAIT_FOR_OTHER_INSTANCE = Duration.ofSeconds(1);
    private static final String PENDING = """
            select id, amount, currency, occurred_at, reporting_currency, website_id from payment
            where reporting_amount is null and conversion_tried_at < ?
            order by conversion_tried_at, id limit ?""";
    /** Null amount, rate and date: tried, still pending. */
    private static final String CONVERT = """
            update payment set reporting_amount = ?, reporting_rate = ?, rate_date = ?, conversion_tried_at = ?
            where website_id = ? and id = ? and reporting_amount is null and reporting_currency = ?""";

    @Inject
    Jdbc jdbc;

    @Inject
    ExchangeRates rates;

    @Inject
    ManagedExecutor executor;

    @Inject
    JobLocks jobLocks;

    private final AtomicBoolean requested = new AtomicBoolean();
    private final ReentrantLock running = new ReentrantLock();

    void afterCurrencyChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReportingCurrencyChanged change) {
        executor.runAsync(this::request);
    }

    void onRatesLoaded(@ObservesAsync RatesLoaded event) {
        request();
    }

    @Scheduled(every = "${payments.rates.pending-interval}", delayed = "${payments.rates.pending-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void request() {
        requested.set(true);
        while (requested.get() && running.tryLock()) {
            try {
                while (requested.getAndSet(false)) {
                    if (!passAlone()) {
                        requested.set(true); // another instance is converting: this request waits for its turn
                        pause();
                    }
                }
            } finally {
                running.unlock();
            }
        }
    }

    /** False when another instance is converting now. */
    private boolean passAlone() {
        try (JobLocks.Attempt job = jobLocks.attempt(JobLocks.Job.CONVERSIONS)) {
            if (job.acquired()) {
                pass();
            }
            return job.acquired();
        } catch (SQLException e) {
            LOG.warnf("Converting pending payments waits for the database (%s); the next pass continues",
                    e.getMessage());
            return true;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(WAIT_FOR_OTHER_INSTANCE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void pass() {
        try {
            jdbc.onConnection(connection -> {
                long reset = Reconversions.resetFlagged(connection);
                if (reset > 0) {
                    LOG.infof("Reset %d payments to pending in their website's new reporting currency", reset);
                }
                convertPending(connection);
                return reset;
            });
        } catch (JdbcFailure e) {
            LOG.warnf("Converting pending payments stopped (%s); the next pass continues", e.getMessage());
        }
    }

    private void convertPending(Connection connection) throws SQLException {
        OffsetDateTime due = rates.changedAt().atOffset(ZoneOffset.UTC);
        OffsetDateTime now = Instant.now().atOffset(ZoneOffset.UTC);
        Tally tally = new Tally();
        try (PreparedStatement pending = connection.prepareStatement(PENDING);
                PreparedStatement convert = connection.prepareStatement(CONVERT)) {
            int seen = BATCH;
            while (seen == BATCH) {
                seen = 0;
                pending.setObject(1, due, Types.TIMESTAMP_WITH_TIMEZONE);
                pending.setInt(2, BATCH);
                try (ResultSet row = pending.executeQuery()) {
                    while (row.next()) {
                        seen++;
                        Optional<Conversion> conversion = convert(row, tally);
                        convert.setBigDecimal(1, conversion.map(Conversion::amount).orElse(null));
                        convert.setBigDecimal(2, conversion.map(Conversion::rate).orElse(null));
                        convert.setDate(3, conversion.map(c -> Date.valueOf(c.rateDate())).orElse(null));
                        convert.setObject(4, now, Types.TIMESTAMP_WITH_TIMEZONE);
                        convert.setString(5, row.getString(6));
                        convert.setLong(6, row.getLong(1));
                        convert.setString(7, row.getString(5));
                        convert.addBatch();
                    }
                }
                convert.executeBatch();
            }
        }
        tally.log();
    }

    /** Empty when no rate is known yet, or the conversion failed: a fault in one payment does not stop the pass. */
    private Optional<Conversion> convert(ResultSet row, Tally tally) throws SQLException {
        try {
            Optional<Conversion> conversion = rates.convert(row.getBigDecimal(2), row.getString(3), row.getString(5),
                    row.getObject(4, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate());
            tally.converted += conversion.isPresent() ? 1 : 0;
            return conversion;
        } catch (RuntimeException e) {
            if (tally.failed++ == 0) {
                LOG.errorf(e, "Converting payment %d failed; it stays pending", row.getLong(1));
            }
            return Optional.empty();
        }
    }

    private static final class Tally {

        int converted;
        int failed;

        void log() {
            if (converted > 0) {
                LOG.infof("Converted %d pending payments to their reporting currency", converted);
            }
            if (failed > 1) {
                LOG.errorf("Converting %d payments failed in this pass; they stay pending", failed);
            }
        }
    }
}
