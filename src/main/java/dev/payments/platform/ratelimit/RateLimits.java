package dev.payments.platform.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.payments.platform.errors.ApiException;
import dev.payments.platform.errors.HttpErrors;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.concurrent.TimeUnit;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * One token bucket (Bucket4j) per authenticated key or token, shared by every instance ({@link KeyQuotas}), and one per
 * client address for requests with unknown tokens, in each instance's memory. Every /api/v1 response of an authenticated request
 * carries RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset (IETF httpapi draft); a request over the quota is
 * refused with 429 and Retry-After.
 */
@ApplicationScoped
public class RateLimits {

    private static final String PROBE = RateLimits.class.getName() + ".probe";
    private static final String RETRY_AFTER = RateLimits.class.getName() + ".retryAfter";
    private static final long MAX_TRACKED_CREDENTIALS = 100_000;

    private final RateLimitConfig config;
    private final KeyQuotas keyQuotas;
    private final Bandwidth unknownTokenBandwidth;
    /** Per client address, in this instance's memory: its requests with unknown tokens. */
    private final Cache<String, Bucket> unknownTokens;

    RateLimits(RateLimitConfig config, KeyQuotas keyQuotas) {
        this.config = config;
        this.keyQuotas = keyQuotas;
        this.unknownTokenBandwidth = Bandwidth.builder().capacity(config.unknownTokens())
                .refillGreedy(config.unknownTokens(), config.period()).build();
        this.unknownTokens = Caffeine.newBuilder().expireAfterAccess(config.period())
                .maximumSize(MAX_TRACKED_CREDENTIALS).build();
    }

    /**
     * Before a token that is not in memory is looked up in the database (or a provider's webhook is): refuses the
     * request with 429 when its client address has sent its quota of unknown tokens or unverified webhooks, so that
     * random requests cannot tie up the database.
     */
    public void admitUnknownToken(String address, ContainerRequestContext request) {
        if (!config.enabled()) {
            return;
        }
        EstimationProbe probe = unknownTokenBucket(address).estimateAbilityToConsume(1);
        if (!probe.canBeConsumed()) {
            long retryAfter = Math.max(1, seconds(probe.getNanosToWaitForRefill()));
            throw refused(request, retryAfter, "too many requests with unknown tokens or unverified signatures from "
                    + "this address; retry after " + retryAfter + " s");
        }
    }

    /** A 429 answered with Retry-After ({@link #addHeaders}). */
    static ApiException refused(ContainerRequestContext request, long retryAfter, String message) {
        request.setProperty(RETRY_AFTER, retryAfter);
        return new ApiException(429, HttpErrors.typeOf(429), message, null);
    }

    /** Counts a request whose token turned out unknown (or whose webhook did not verify) against its address. */
    public void unknownToken(String address) {
        if (config.enabled()) {
            unknownTokenBucket(address).tryConsume(1);
        }
    }

    private Bucket unknownTokenBucket(String address) {
        return unknownTokens.get(address, a -> Bucket.builder().addLimit(unknownTokenBandwidth).build());
    }

    /** Spends one request of the credential's quota, or refuses the request with 429. */
    public void admit(String credentialId, ContainerRequestContext request) {
        admit(credentialId, request, 1);
    }

    /**
     * Spends this many requests of the credential's quota at once (a batch counts each of its items), or refuses the
     * request with 429 and spends none.
     */
    public void admit(String credentialId, ContainerRequestContext request, long requests) {
        if (!config.enabled() || requests <= 0) {
            return;
        }
        ConsumptionProbe probe = keyQuotas.consume(credentialId, requests);
        request.setProperty(PROBE, probe);
        if (!probe.isConsumed()) {
            throw new ApiException(429, HttpErrors.typeOf(429), "rate limit of " + config.requests() + " requests per "
                    + config.period().toSeconds() + " s exceeded for this key; retry after " + retryAfter(probe)
                    + " s", null);
        }
    }

    @ServerResponseFilter
    public void addHeaders(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(RETRY_AFTER) instanceof Long retryAfter) {
            response.getHeaders().putSingle("Retry-After", retryAfter);
        }
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
