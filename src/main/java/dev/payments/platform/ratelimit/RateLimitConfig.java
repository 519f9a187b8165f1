package dev.payments.platform.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Request quotas on /api/v1: per key or token for all instances together, per client address for unknown tokens; and
 * how many expensive reads run at once ({@link ExpensiveReads}).
 */
@ConfigMapping(prefix = "payments.rate-limit")
public interface RateLimitConfig {

    /** PAYMENTS_RATE_LIMIT_ENABLED: false turns quotas (and their headers) off, e.g. behind a gateway that limits. */
    @WithDefault("true")
    boolean enabled();

    /**
     * PAYMENTS_RATE_LIMIT_REQUESTS: requests one df_ key or dft_ token may make per period, on all instances together;
     * also the largest burst. Spent requests come back continuously over the period.
     */
    @WithDefault("6000")
    @WithConverter(PositiveCount.class)
    long requests();

    /**
     * PAYMENTS_RATE_LIMIT_UNKNOWN_TOKENS: requests with a token that is not valid one client address may make per
     * period on one instance before its requests with tokens not already known valid get 429 without being looked up.
     */
    @WithDefault("60")
    @WithConverter(PositiveCount.class)
    long unknownTokens();

    /**
     * PAYMENTS_RATE_LIMIT_EXPENSIVE_READS_PER_KEY: revenue reports and CSV exports one key or token may have running at
     * once on one instance; one more is refused 429. Applies even when quotas are off: it protects the pool.
     */
    @WithDefault("2")
    @WithConverter(PositiveCount.class)
    long expensiveReadsPerKey();

    /**
     * PAYMENTS_RATE_LIMIT_EXPENSIVE_READS_PER_INSTANCE: revenue reports and CSV exports one instance runs at once, of
     * all keys; one more is refused 429. Well under the pool's size (20), so that other requests still find
     * connections.
     */
    @WithDefault("6")
    @WithConverter(PositiveCount.class)
    long expensiveReadsPerInstance();

    /** PAYMENTS_RATE_LIMIT_PERIOD: the window the quota refills over. */
    @WithDefault("60s")
    Duration period();
}
