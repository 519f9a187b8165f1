package dev.payments.payments;

import dev.payments.currency.Conversion;
import dev.payments.currency.ExchangeRates;
import dev.payments.currency.RatesLoaded;
import dev.payments.websites.ReportingCurrencyChanged;
import io.agroal.api.AgroalDataSource;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Payments recorded before the rate of their day was known (reporting_amount null) are converted when rates arrive,
 * after a website's reporting currency changes, and every pending interval. One pass at a time; a request made during
 * a pass starts another one after it.
 */
@ApplicationScoped
class PendingConversions {

    private static final Logger LOG = Logger.getLogger(PendingConversions.class);
    private static final int BATCH = 500;
    private static final String PENDING = """
            select id, amount, currency, occurred_at, reporting_currency from payment
            where reporting_amount is null and id > ? order by id limit ?""";
    private static final String CONVERT = """
            update payment set reporting_amount = ?, reporting_rate = ?, rate_date = ?
            where id = ? and reporting_amount is null and reporting_currency = ?""";
    private static final String RESET = """
            update payment set reporting_currency = ?, reporting_amount = null, reporting_rate = null, rate_date = null
            where website_id = ?""";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ExchangeRates rates;

    @Inject
    ManagedExecutor executor;

    private final AtomicBoolean requested = new AtomicBoolean();
    private final ReentrantLock running = new ReentrantLock();

    /** In the transaction that changes the currency: every payment of the website is pending again. */
    void onCurrencyChange(@Observes(during = TransactionPhase.IN_PROGRESS) ReportingCurrencyChanged change)
            throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement reset = connection.prepareStatement(RESET)) {
            reset.setString(1, change.currency());
            reset.setString(2, change.websiteId());
            reset.executeUpdate();
        }
    }

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
                    convertAll();
                }
            } finally {
                running.unlock();
            }
        }
    }

    private void convertAll() {
        long after = 0;
        int converted = 0;
        try (Connection connection = dataSource.getConnection()) {
            while (true) {
                long last = after;
                try (PreparedStatement pending = connection.prepareStatement(PENDING);
                        PreparedStatement convert = connection.prepareStatement(CONVERT)) {
                    pending.setLong(1, after);
                    pending.setInt(2, BATCH);
                    try (ResultSet row = pending.executeQuery()) {
                        while (row.next()) {
                            last = row.getLong(1);
                            Optional<Conversion> conversion = rates.convert(row.getBigDecimal(2), row.getString(3),
                                    row.getString(5), row.getObject(4, OffsetDateTime.class)
                                            .withOffsetSameInstant(ZoneOffset.UTC).toLocalDate());
                            if (conversion.isPresent()) {
                                convert.setBigDecimal(1, conversion.get().amount());
                                convert.setBigDecimal(2, conversion.get().rate());
                                convert.setDate(3, Date.valueOf(conversion.get().rateDate()));
                                convert.setLong(4, last);
                                convert.setString(5, row.getString(5));
                                convert.addBatch();
                                converted++;
                            }
                        }
                    }
                    convert.executeBatch();
                }
                if (last == after) {
                    break;
                }
                after = last;
            }
        } catch (SQLException e) {
            LOG.warnf("Converting pending payments stopped (%s); the next pass continues", e.getMessage());
        }
        if (converted > 0) {
            LOG.infof("Converted %d pending payments to their reporting currency", converted);
        }
    }
}
