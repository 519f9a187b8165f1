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

    /** How often a failed first load of the stored rates is tried again. */
    @WithDefault("1m")
    String retryInterval();

    /** How often payments still waiting for a rate are looked at again (also done after every load). */
    @WithDefault("10m")
    String pendingInterval();
}
