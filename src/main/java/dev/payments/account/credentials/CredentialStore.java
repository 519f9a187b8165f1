package dev.payments.account.credentials;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.payments.platform.cache.AfterCommit;
import dev.payments.platform.cache.CacheConfig;
import dev.payments.platform.cache.Invalidations;
import dev.payments.platform.cache.LookupCache;
import dev.payments.platform.database.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
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
    private final Jdbc jdbc;

    CredentialStore(CacheConfig config, AfterCommit afterCommit, Invalidations invalidations, Jdbc jdbc) {
        this.jdbc = jdbc;
        this.cache = new LookupCache<>(KnownCredentials.TOPIC, config, afterCommit, invalidations);
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

    /** Forgets a key or token that is being revoked or rolled. */
    public void evict(String hash) {
        cache.evict(hash);
        misses.invalidate(hash);
    }

    /** Tells every instance, once the current transaction commits, that a new secret exists ({@link KnownCredentials}). */
    public void created(String hash) {
        evict(hash); // and forget it as unknown, should it have been tried before it existed
    }

    public void evictAll() {
        cache.evictAll();
    }

    private Optional<Credential> loadWebsiteKey(String hash) {
        return jdbc.single("select id, website_id from website_key where key_hash = ?", Jdbc.values(hash),
                row -> new Credential(row.getString(1), Credential.Kind.WEBSITE_KEY,
                        Credential.WEBSITE_KEY_PERMISSIONS, Set.of(row.getString(2))));
    }

    private Optional<Credential> loadAccountToken(String hash) {
        return jdbc.single("select id, permissions, website_ids from account_token where token_hash = ?",
                Jdbc.values(hash),
                row -> new Credential(row.getString(1), Credential.Kind.ACCOUNT_TOKEN,
                        permissionsOf(texts(row, 2)), Set.copyOf(Arrays.asList(texts(row, 3)))));
    }

    private static String[] texts(ResultSet row, int column) throws SQLException {
        return (String[]) row.getArray(column).getArray();
    }

    private static Set<Permission> permissionsOf(String[] wire) {
        Set<Permission> permissions = Arrays.stream(wire)
                .flatMap(p -> Permission.fromWire(p).stream())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Permission.class)));
        return Set.copyOf(permissions);
    }
}
