package dev.payments.currency;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

@ConfigMapping(prefix = "payments.rates")
public interface RatesConfig {

    /**
     * Where rates are refreshed from, in ECB's eurofxref XML format: http(s) URLs or files (file:/path or a path).
     * {@code none}: only the bundled history and what the database already holds.
     */
    @WithDefault("https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml,"
            + "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist-90d.xml")
    List<String> sources();

    /** How often the sources are read (ECB publishes once per working day, around 16:00 CET). */
    @WithDefault("6h")
    String refreshInterval();

    /** The longest a read of an http(s) source may take, its whole body included. */
    @WithDefault("30s")
    Duration readTimeout();

    /** The most bytes read from any source: a larger one is abandoned while it is read. */
    @WithDefault("64M")
    @WithConverter(MemorySizeConverter.class)
    MemorySize maxSize();

    /** ECB's full history, read when the stored rates miss days it published (see {@link RateHistory}). */
    History history();

    interface History {

        /**
         * Where it is read from, in the same format: an http(s) URL, or a file (file:/path or a path) for an operator
         * without internet access. {@code none}: never read.
         */
        @WithDefault("https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.xml")
        String source();

        /** The longest a read of it may take, its whole body included (about 8 MiB from ECB). */
        @WithDefault("5m")
        Duration timeout();

        /** The wait before a failed read is tried again; doubled after each failure, up to max-retry-interval. */
        @WithDefault("1m")
        Duration retryInterval();

        @WithDefault("6h")
        Duration maxRetryInterval();
    }

    /** How often a failed first load of the stored rates is tried again. */
    @WithDefault("1m")
    String retryInterval();

    /** How often payments still waiting for a rate are looked at again (also done after every load). */
    @WithDefault("10m")
    String pendingInterval();
}
