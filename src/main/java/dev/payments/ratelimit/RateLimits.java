package dev.payments.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.payments.errors.ApiException;
import dev.payments.errors.HttpErrors;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.concurrent.TimeUnit;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * One token bucket (Bucket4j) per authenticated key or token. Every /api/v1 response of an authenticated request
 * carries RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset (IETF httpapi draft); a request over the quota is
 * refused with 429 and Retry-After.
 */
@ApplicationScoped
public class RateLimits {

    private static final String PROBE = RateLimits.class.getName() + ".probe";
    private static final long MAX_TRACKED_CREDENTIALS = 100_000;

    private final RateLimitConfig config;
    private final Bandwidth bandwidth;
    /** Idle for a whole period, a bucket is full again: forgetting it then changes nothing. */
    private final Cache<String, Bucket> buckets;

    RateLimits(RateLimitConfig config) {
        this.config = config;
        this.bandwidth = Bandwidth.builder().capacity(config.requests())
                .refillGreedy(config.requests(), config.period()).build();
        this.buckets = Caffeine.newBuilder().expireAfterAccess(config.period())
                .maximumSize(MAX_TRACKED_CREDENTIALS).build();
    }

    /** Spends one request of the credential's quota, or refuses the request with 429. */
    public void admit(String credentialId, ContainerRequestContext request) {
        if (!config.enabled()) {
            return;
        }
        Bucket bucket = buckets.get(credentialId, id -> Bucket.builder().addLimit(bandwidth).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        request.setProperty(PROBE, probe);
        if (!probe.isConsumed()) {
            throw new ApiException(429, HttpErrors.typeOf(429), "rate limit of " + config.requests() + " requests per "
                    + config.period().toSeconds() + " s exceeded for this key; retry after " + retryAfter(probe)
                    + " s", null);
        }
    }

    @ServerResponseFilter
    public void addHeaders(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(PROBE) instanceof ConsumptionProbe probe) {
            MultivaluedMap<String, Object> headers = response.getHeaders();
            headers.putSingle("RateLimit-Limit", config.requests());
            headers.putSingle("RateLimit-Remaining", probe.getRemainingTokens());
            headers.putSingle("RateLimit-Reset", seconds(probe.getNanosToWaitForReset()));
            if (!probe.isConsumed()) {
                headers.putSingle("Retry-After", retryAfter(probe));
            }
        }
    }

    private static long retryAfter(ConsumptionProbe probe) {
        return Math.max(1, seconds(probe.getNanosToWaitForRefill()));
    }

    private static long seconds(long nanos) {
        return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }
}
