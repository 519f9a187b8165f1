package dev.payments.currency;

import dev.payments.database.SchemaReady;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * ECB reference rates, held in memory for conversions on the request path and kept in the exchange_rate table. Once the
 * schema is ready, in the background: the bundled history is stored if the table lacks it, the table is read into
 * memory, then the configured sources are read; they are read again every refresh interval. A source that cannot be
 * read is logged and skipped: the rates already loaded stay, and the next refresh tries again.
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
    Event<RatesLoaded> loaded;

    private volatile RateBook book = RateBook.EMPTY;
    private volatile boolean initialized;

    /** An in-memory lookup; empty when no rate is known for that currency and day (yet). */
    public Optional<Conversion> convert(BigDecimal amount, String from, String to, LocalDate date) {
        return book.convert(amount, from, to, date);
    }

    void onSchemaReady(@Observes SchemaReady event) {
        executor.runAsync(this::initialize);
    }

    @Scheduled(every = "${payments.rates.refresh-interval}", delayed = "${payments.rates.refresh-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRefresh() {
        if (initialized) {
            refreshFrom(config.sources());
        }
    }

    private synchronized void initialize() {
        try {
            if (store.count(RateSources.BUNDLED_LAST_DAY) < RateSources.BUNDLED_RATES) {
                LOG.info("Storing the bundled ECB rate history");
                store.store(RateSources.bundledHistory());
            }
            book = store.loadBook();
            LOG.infof("Exchange rates loaded: %d rates up to %s", book.size(), book.latest().orElse(null));
        } catch (Exception e) {
            LOG.errorf(e, "Could not load the stored exchange rates; payments stay pending until a refresh succeeds");
        }
        initialized = true;
        refreshFrom(config.sources());
    }

    synchronized void refreshFrom(List<String> sources) {
        for (String source : sources) {
            if (RateSources.NONE.equals(source.trim())) {
                continue;
            }
            try {
                List<DailyRates> days = RateSources.read(source);
                store.store(days);
                book = book.with(days);
                LOG.infof("Exchange rates refreshed from %s: now up to %s", source, book.latest().orElse(null));
            } catch (Exception e) {
                LOG.warnf("Could not refresh exchange rates from %s (%s); keeping the %d rates loaded (up to %s), "
                        + "retrying in %s", source, e.toString(), book.size(), book.latest().orElse(null),
                        config.refreshInterval());
            }
        }
        loaded.fireAsync(new RatesLoaded());
    }
}
