package dev.payments.currency;

import dev.payments.platform.database.JobLocks;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Keeps the stored rate history whole. The refresh reads ECB's last 90 days; when the stored rates miss days that ECB
 * published before those (the bundled history ends years ago, an outage outlasted the 90 days), ECB's full history is
 * read and stored, so that no payment stays pending for a rate ECB publishes. Whether days are missing is a cheap
 * query on the stored days, made after every load of rates: a history already whole is never read again. The read is
 * in the background, by one instance at a time (the job lock), bounded in time and size; one that fails, or that does
 * not fill the gap, is logged and tried again later, waiting twice as long after each failure.
 */
@ApplicationScoped
class RateHistory {

    private static final Logger LOG = Logger.getLogger(RateHistory.class);
    /** The days ECB's 90-day file covers: the refresh's part. */
    private static final int REFRESHED_DAYS = 90;
    /** ECB's first publication of euro reference rates. */
    private static final LocalDate FIRST_PUBLICATION = LocalDate.of(1999, 1, 4);

    @Inject
    RateStore store;

    @Inject
    ExchangeRates rates;

    @Inject
    RatesConfig config;

    @Inject
    JobLocks jobLocks;

    @Inject
    ManagedExecutor executor;

    private final ReentrantLock running = new ReentrantLock();
    /** Null unless the last attempt failed: then how long to wait after the next failure. */
    private volatile Duration backoff;
    private volatile Instant nextAttempt = Instant.EPOCH;

    /** On a thread of its own: the other observers (the pending conversions) do not wait for the read. */
    void onRatesLoaded(@ObservesAsync RatesLoaded event) {
        executor.runAsync(this::keepWhole);
    }

    @Scheduled(every = "${payments.rates.retry-interval}", delayed = "${payments.rates.retry-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retry() {
        if (backoff != null) {
            keepWhole();
        }
    }

    /** Reads the full history if days are missing before the refreshed ones, unless backing off or already reading. */
    void keepWhole() {
        String source = config.history().source().trim();
        if (RateSources.NONE.equals(source) || Instant.now().isBefore(nextAttempt) || !running.tryLock()) {
            return;
        }
        try {
            if (missesDays()) {
                fillAlone(source);
            } else {
                backoff = null;
            }
        } catch (IOException | SQLException | RuntimeException e) {
            failed(source, e);
        } finally {
            running.unlock();
        }
    }

    /** By one instance at a time: the others read what it stored once it says so. */
    private void fillAlone(String source) throws IOException, SQLException {
        try (JobLocks.Attempt job = jobLocks.attempt(JobLocks.Job.RATE_HISTORY)) {
            // checked again with the lock held: another instance may have just filled the gap
            if (job.acquired() && missesDays()) {
                fill(source);
            }
        }
    }

    /** Reads the full history from the source and stores it; an IOException when that leaves days missing. */
    void fill(String source) throws IOException {
        LOG.infof("The stored exchange rates miss days that ECB published before %s: reading its full history from %s",
                refreshedFrom(), source);
        List<DailyRates> days = RateSources.read(source, config.history().timeout(), config.maxSize().asLongValue());
        store.store(days);
        rates.takeStored();
        if (missesDays()) {
            throw new IOException(source + " (" + days.size() + " days) does not hold every day missing");
        }
        backoff = null;
        LOG.infof("Exchange rate history completed from %s: %d days", source, days.size());
    }

    /** Whether days are missing from ECB's first publication to the first day the refresh reads. */
    boolean missesDays() {
        return store.hasGap(FIRST_PUBLICATION, refreshedFrom(), RateBook.MAX_DAYS_SINCE_PUBLICATION);
    }

    private static LocalDate refreshedFrom() {
        return LocalDate.now(ZoneOffset.UTC).minusDays(REFRESHED_DAYS);
    }

    private void failed(String source, Exception e) {
        Duration wait = backoff == null ? config.history().retryInterval() : backoff;
        backoff = min(wait.multipliedBy(2), config.history().maxRetryInterval());
        nextAttempt = Instant.now().plus(wait);
        LOG.warnf("Could not complete the exchange rate history from %s (%s); payments dated in the missing days stay "
                + "pending, trying again in %s", source, e.toString(), wait);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
