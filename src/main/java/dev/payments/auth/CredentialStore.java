package dev.payments.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.payments.cache.AfterCommit;
import dev.payments.cache.CacheConfig;
import dev.payments.cache.Invalidations;
import dev.payments.cache.LookupCache;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Resolves raw keys and tokens to credentials by their hash, through a {@link LookupCache}: revoking or rolling evicts
 * at once on this instance and, once committed, on every other. The prefix says which table to look in, so an unknown token costs one query, and a miss is
 * remembered for {@link #MISS_TTL} in a cache of its own (a random token nobody has seen cannot become valid later:
 * new secrets are random too), so repeating it costs none and cannot push valid credentials out of their cache.
 */
@ApplicationScoped
public class CredentialStore {

    static final Duration MISS_TTL = Duration.ofSeconds(10);

    private final LookupCache<Credential> cache;
    private final Cache<String, Boolean> misses;

    CredentialStore(CacheConfig config, AfterCommit afterCommit, Invalidations invalidations) {
        this.cache = new LookupCache<>("credential", config, afterCommit, invalidations);
        this.misses = Caffeine.newBuilder().expireAfterWrite(MISS_TTL).maximumSize(config.maxEntries()).build();
    }

    /** Only what is in memory, by the secret's hash: no query. */
    public Optional<Credential> cached(String hash) {
        return cache.cached(hash);
    }

    /** By the secret's hash, looked up (when not cached) in the table its kind says. */
    public Optional<Credential> find(String hash, Credential.Kind kind) {
        if (misses.getIfPresent(hash) != null) {
            return Optional.empty();
        }
        Optional<Credential> found = cache.get(hash, h -> kind == Credential.Kind.WEBSITE_KEY ? loadWebsiteKey(h)
                : loadAccountToken(h));
        if (found.isEmpty()) {
            misses.put(hash, Boolean.TRUE);
        }
        return found;
    }

    /** Forgets a key or token that is being revoked, rolled or created. */
    public void evict(String hash) {
        cache.evict(hash);
        misses.invalidate(hash);
    }

    public void evictAll() {
        cache.evictAll();
    }

    private static Optional<Credential> loadWebsiteKey(String hash) {
        return WebsiteKey.<WebsiteKey>find("keyHash", hash).firstResultOptional()
                .map(k -> new Credential(k.id, Credential.Kind.WEBSITE_KEY, Credential.WEBSITE_KEY_PERMISSIONS,
                        Set.of(k.websiteId)));
    }

    private static Optional<Credential> loadAccountToken(String hash) {
        return AccountToken.<AccountToken>find("tokenHash", hash).firstResultOptional()
                .map(t -> new Credential(t.id, Credential.Kind.ACCOUNT_TOKEN, permissionsOf(t), Set.copyOf(t.websiteIds)));
    }

    private static Set<Permission> permissionsOf(AccountToken token) {
        Set<Permission> permissions = token.permissions.stream()
                .flatMap(p -> Permission.fromWire(p).stream())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Permission.class)));
        return Set.copyOf(permissions);
    }
}
