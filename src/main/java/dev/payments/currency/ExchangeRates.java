package dev.payments.currency;

import dev.payments.platform.cache.Invalidations;
import dev.payments.platform.database.JobLocks;
import dev.payments.platform.database.SchemaReady;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * ECB reference rates, held in memory for conversions on the request path and kept in the exchange_rate table. Once the
 * schema is ready, in the background: the bundled history is stored if the table lacks it, the table is read into
 * memory, then the configured sources are read; they are read again every refresh interval. A source that cannot be
 * read is logged and skipped: the rates already loaded stay, and the next refresh tries again. A first load that fails
 * is tried again every retry interval. Storing rates is done by one instance at a time (the job lock): it tells the
 * others, which read them from the table.
 */
@ApplicationScoped
public class ExchangeRates {

    private static final Logger LOG = Logger.getLogger(ExchangeRates.class);

    @Inject
    RateStore store;

    @Inject
    RatesConfig config;

    @Inject
    ManagedExecutor executor;

    @Inject
    Event<RatesLoaded> ratesLoaded;

    /** Notifications that rates were stored; the key names the instance that stored them. */
    private static final String TOPIC = "rates";
    private static final String INSTANCE = UUID.randomUUID().toString();

    @Inject
    JobLocks jobLocks;

    @Inject
    Invalidations invalidations;

    private volatile RateBook book = RateBook.EMPTY;
    private volatile Instant changedAt = Instant.EPOCH;
    private volatile boolean schemaReady;
    /** Whether the stored rates are in memory: until then, a load is tried again every retry interval. */
    private volatile boolean loaded;

    /** An in-memory lookup; empty when no rate is known for that currency and day (yet). */
    public Optional<Conversion> convert(BigDecimal amount, String from, String to, LocalDate date) {
        return book.convert(amount, from, to, date);
    }

    /** When the rates in memory last changed: a payment that could not be converted before then may be now. */
    public Instant changedAt() {
        return changedAt;
    }

    @PostConstruct
    void listen() {
        // also told (EVERYTHING) when it starts listening again, having maybe missed some
        invalidations.subscribe(TOPIC, instance -> {
            if (!INSTANCE.equals(instance)) {
                executor.runAsync(loaded ? this::reload : this::retryLoad);
            }
        });
    }

    void onSchemaReady(@Observes SchemaReady event) {
        schemaReady = true;
        executor.runAsync(this::initialize);
    }

    @Scheduled(every = "${payments.rates.refresh-interval}", delayed = "${payments.rates.refresh-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRefresh() {
        if (loaded) {
            refreshShared();
        }
    }

    /** A first load that failed (the database out of reach just then) is tried again until it succeeds. */
    @Scheduled(every = "${payments.rates.retry-interval}", delayed = "${payments.rates.retry-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retryLoad() {
        if (schemaReady && !loaded) {
            initialize();
        }
    }

    private synchronized void initialize() {
        if (loaded) {
            return;
        }
        try (JobLocks.Attempt shared = jobLocks.attempt(JobLocks.Job.RATES)) {
            long bundled = store.count(RateSources.BUNDLED_LAST_DAY);
            if (shared.acquired() && bundled < RateSources.BUNDLED_RATES) {
                LOG.info("Storing the bundled ECB rate history");
                store.store(RateSources.bundledHistory());
                invalidations.publish(TOPIC, INSTANCE);
                bundled = RateSources.BUNDLED_RATES;
            }
            install(store.loadBook());
            // while another instance stores the history, what is there is loaded; the rest when it says so, or at the
            // next retry should it never finish
            loaded = bundled >= RateSources.BUNDLED_RATES;
            LOG.infof("Exchange rates loaded: %d rates up to %s", book.size(), book.latest().orElse(null));
        } catch (Exception e) {
            LOG.errorf(e, "Could not load the stored exchange rates; retrying every %s, payments other than in their "
                    + "reporting currency stay pending meanwhile", config.retryInterval());
            return;
        }
        refreshShared();
    }

    /** By one instance at a time: the others load what it stored once it says so. */
    private void refreshShared() {
        try (JobLocks.Attempt shared = jobLocks.attempt(JobLocks.Job.RATES)) {
            if (shared.acquired()) {
                refreshFrom(config.sources());
            }
        } catch (Exception e) {
            LOG.warnf("Could not refresh exchange rates (%s); retrying in %s", e.toString(), config.refreshInterval());
        }
    }

    synchronized void refreshFrom(List<String> sources) {
        boolean stored = false;
        for (String source : sources) {
            if (RateSources.NONE.equals(source.trim())) {
                continue;
            }
            try {
                List<DailyRates> days = RateSources.read(source, config.readTimeout(), config.maxSize().asLongValue());
                store.store(days);
                stored = true;
                install(book.with(days));
                LOG.infof("Exchange rates refreshed from %s: now up to %s", source, book.latest().orElse(null));
            } catch (Exception e) {
                LOG.warnf("Could not refresh exchange rates from %s (%s); keeping the %d rates loaded (up to %s), "
                        + "retrying in %s", source, e.toString(), book.size(), book.latest().orElse(null),
                        config.refreshInterval());
            }
        }
        if (stored) {
            invalidations.publish(TOPIC, INSTANCE);
        }
        ratesLoaded.fireAsync(new RatesLoaded());
    }

    /** Rates this instance stored outside a refresh (the full history): read from the table here and everywhere. */
    void takeStored() {
        invalidations.publish(TOPIC, INSTANCE);
        reload();
    }

    /** Another instance has stored rates: they are read from the table. */
    private synchronized void reload() {
        try {
            install(store.loadBook());
            loaded = true;
            LOG.infof("Exchange rates reloaded: %d rates up to %s", book.size(), book.latest().orElse(null));
        } catch (Exception e) {
            LOG.warnf("Could not reload the stored exchange rates (%s); the next refresh tries again", e.toString());
            return;
        }
        ratesLoaded.fireAsync(new RatesLoaded());
    }

    private void install(RateBook next) {
        if (next.size() != book.size() || !next.latest().equals(book.latest())) {
            changedAt = Instant.now();
        }
        book = next;
    }
}
