package dev.payments.platform.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.payments.platform.database.Jdbc;
import dev.payments.platform.database.JobLocks;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.BucketNotFoundException;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * The per-key quota, one for all instances: Bucket4j buckets kept in PostgreSQL (rate_limit_bucket). An instance
 * consumes from its own copy of a key's bucket and brings it in line with the shared one after at most
 * {@link #unsyncedTokens()} requests or {@link #UNSYNCED_TIMEOUT}, whichever comes first (Bucket4j's delaying
 * optimization): a request seldom waits for the database, and N instances together can let through at most
 * N x {@link #unsyncedTokens()} requests more than the quota.
 */
@ApplicationScoped
class KeyQuotas {

    static final Duration UNSYNCED_TIMEOUT = Duration.ofSeconds(1);
    private static final Logger LOG = Logger.getLogger(KeyQuotas.class);
    private static final long MAX_TRACKED_CREDENTIALS = 100_000;
    private static final int CLEANUP_BATCH = 1_000;

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> store;
    private final BucketConfiguration quota;
    private final DelayParameters delay;
    /** Each key's local copy; one idle for a whole period is forgotten (the shared bucket has refilled meanwhile). */
    private final Cache<String, BucketProxy> copies;

    @Inject
    JobLocks jobLocks;

    KeyQuotas(RateLimitConfig config, Jdbc jdbc) {
        this.store = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(jdbc.dataSource())
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofMinutes(1)))
                .build();
        this.quota = BucketConfiguration.builder().addLimit(Bandwidth.builder().capacity(config.requests())
                .refillGreedy(config.requests(), config.period()).build()).build();
        this.delay = new DelayParameters(unsyncedTokens(config), UNSYNCED_TIMEOUT);
        this.copies = Caffeine.newBuilder().expireAfterAccess(config.period())
                .maximumSize(MAX_TRACKED_CREDENTIALS).build();
    }

    /** Requests one instance may let through before it brings its copy in line: 1% of the quota, at least 1. */
    static long unsyncedTokens(RateLimitConfig config) {
        return Math.max(1, config.requests() / 100);
    }

    ConsumptionProbe consume(String credentialId, long requests) {
        try {
            return copies.get(credentialId, this::localCopy).tryConsumeAndReturnRemaining(requests);
        } catch (RuntimeException e) {
            if (!isBucketNotFound(e)) {
                throw e;
            }
            // the shared bucket went away under the copy (removed as expired): start again from a new one
            copies.invalidate(credentialId);
            return copies.get(credentialId, this::localCopy).tryConsumeAndReturnRemaining(requests);
        }
    }

    /**
     * A key's local copy, once its shared bucket exists: Bucket4j's delaying optimization does not create a missing
     * bucket itself when several requests of a new key reach it at once (they fail with BucketNotFoundException,
     * wrapped in its batching's exception), so a plain proxy creates it first, with the quota.
     */
    private BucketProxy localCopy(String credentialId) {
        store.builder().build(credentialId, quota).getAvailableTokens();
        return store.builder().withOptimization(Optimizations.delaying(delay)).build(credentialId, quota);
    }

    private static boolean isBucketNotFound(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BucketNotFoundException) {
                return true;
            }
        }
        return false;
    }

    /** Rows of buckets left alone long enough to be full again: by one instance at a time. */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void removeExpired() {
        try (JobLocks.Attempt cleanup = jobLocks.attempt(JobLocks.Job.RATE_LIMIT_CLEANUP)) {
            while (cleanup.acquired() && store.removeExpired(CLEANUP_BATCH) == CLEANUP_BATCH) {
                LOG.debug("Removed a batch of expired rate-limit buckets");
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Could not remove expired rate-limit buckets (%s); the next run tries again", e.getMessage());
        }
    }
}
