package dev.payments.auth;

import dev.payments.tx.AfterCommit;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Resolves raw keys and tokens to credentials by their hash. Hits are cached in memory for at most
 * {@code quarkus.cache.caffeine.credentials.expire-after-write} (30 s), which bounds how long a revoked key keeps
 * working on another instance; on this instance revoking or rolling evicts at once. Misses are not cached, so a key
 * created on another instance works immediately.
 */
@ApplicationScoped
public class CredentialStore {

    @Inject
    @CacheName("credentials")
    Cache cache;

    public Optional<Credential> find(String rawSecret) {
        String hash = Secrets.hash(rawSecret);
        Optional<Credential> found = cache.<String, Optional<Credential>>get(hash, this::load).await().indefinitely();
        if (found.isEmpty()) {
            cache.invalidate(hash).await().indefinitely();
        }
        return found;
    }

    @Inject
    AfterCommit afterCommit;

    /** Forgets a key or token that is being revoked or rolled, now and after the transaction. */
    public void evict(String hash) {
        afterCommit.evict(() -> cache.invalidate(hash).await().indefinitely());
    }

    public void evictAll() {
        afterCommit.evict(() -> cache.invalidateAll().await().indefinitely());
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
