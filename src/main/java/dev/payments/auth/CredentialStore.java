package dev.payments.auth;

import dev.payments.cache.AfterCommit;
import dev.payments.cache.CacheConfig;
import dev.payments.cache.LookupCache;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Resolves raw keys and tokens to credentials by their hash, through a {@link LookupCache}: at most
 * {@code payments.cache.ttl} (30 s) passes before another instance notices a revocation; on this instance revoking or
 * rolling evicts at once.
 */
@ApplicationScoped
public class CredentialStore {

    private final LookupCache<String, Credential> cache;

    CredentialStore(CacheConfig config, AfterCommit afterCommit) {
        this.cache = new LookupCache<>(config, afterCommit);
    }

    public Optional<Credential> find(String rawSecret) {
        return cache.get(Secrets.hash(rawSecret), this::load);
    }

    /** Forgets a key or token that is being revoked or rolled. */
    public void evict(String hash) {
        cache.evict(hash);
    }

    public void evictAll() {
        cache.evictAll();
    }

    private Optional<Credential> load(String hash) {
        Optional<Credential> key = WebsiteKey.<WebsiteKey>find("keyHash", hash).firstResultOptional()
                .map(k -> new Credential(k.id, Credential.Kind.WEBSITE_KEY, Credential.WEBSITE_KEY_PERMISSIONS,
                        Set.of(k.websiteId)));
        if (key.isPresent()) {
            return key;
        }
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
