package dev.payments.platform.cache;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "payments.cache")
public interface CacheConfig {

    /**
     * How long a credential or website lookup is reused: the bound on how long a revoked key, or a change to a website,
     * goes unnoticed by other instances.
     */
    @WithDefault("30S")
    Duration ttl();

    /** Entries per cache. */
    @WithDefault("10000")
    long maxEntries();
}
