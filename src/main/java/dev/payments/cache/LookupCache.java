package dev.payments.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import java.util.function.Function;

/**
 * An in-memory cache of database lookups that found something. Misses are not cached, so what another instance has
 * just created is seen at once; what it has changed or deleted is seen within {@link CacheConfig#ttl()}.
 */
public final class LookupCache<K, V> {

    private final Cache<K, V> cache;
    private final AfterCommit afterCommit;

    public LookupCache(CacheConfig config, AfterCommit afterCommit) {
        this.cache = Caffeine.newBuilder().expireAfterWrite(config.ttl()).maximumSize(config.maxEntries()).build();
        this.afterCommit = afterCommit;
    }

    /** What is cached, without loading. */
    public Optional<V> cached(K key) {
        return Optional.ofNullable(cache.getIfPresent(key));
    }

    public Optional<V> get(K key, Function<K, Optional<V>> loader) {
        V cached = cache.getIfPresent(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<V> loaded = loader.apply(key);
        loaded.ifPresent(value -> cache.put(key, value));
        return loaded;
    }

    /** Forgets an entry that the current transaction changes, now and once it has ended. */
    public void evict(K key) {
        afterCommit.run(() -> cache.invalidate(key));
    }

    public void evictAll() {
        afterCommit.run(cache::invalidateAll);
    }
}
