package dev.payments.platform.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * An in-memory cache of database lookups that found something, for one topic of {@link Invalidations}. Misses are not
 * cached, so what another instance has just created is seen at once; what any instance changes or deletes is evicted
 * on every instance as soon as the change commits (within {@link CacheConfig#ttl()} at worst, should a notification be
 * lost, and within {@link Invalidations#FALLBACK_TTL} while this instance cannot listen).
 */
public final class LookupCache<V> {

    private record Entry<V>(V value, long loadedNanos) {
    }

    private final String topic;
    private final Cache<String, Entry<V>> cache;
    private final AfterCommit afterCommit;
    private final Invalidations invalidations;
    /** Notifications received for this topic so far. */
    private final AtomicLong notified = new AtomicLong();

    public LookupCache(String topic, CacheConfig config, AfterCommit afterCommit, Invalidations invalidations) {
        this.topic = topic;
        this.cache = Caffeine.newBuilder().expireAfterWrite(config.ttl()).maximumSize(config.maxEntries()).build();
        this.afterCommit = afterCommit;
        this.invalidations = invalidations;
        invalidations.subscribe(topic, this::forget);
    }

    /** What is cached, without loading. */
    public Optional<V> cached(String key) {
        return Optional.ofNullable(fresh(cache.getIfPresent(key)));
    }

    /**
     * What is cached, else what the loader finds, cached unless a notification arrived meanwhile: the loader may have
     * read the row before the change that notification announces committed, and would keep it for the whole TTL.
     */
    public Optional<V> get(String key, Function<String, Optional<V>> loader) {
        V cached = fresh(cache.getIfPresent(key));
        if (cached != null) {
            return Optional.of(cached);
        }
        long before = notified.get();
        Optional<V> loaded = loader.apply(key);
        loaded.ifPresent(value -> {
            cache.put(key, new Entry<>(value, System.nanoTime()));
            // after the put: a notification counted later evicts what was put, one counted earlier is seen here
            if (notified.get() != before) {
                cache.invalidate(key);
            }
        });
        return loaded;
    }

    /**
     * Forgets an entry that the current transaction changes, here now and once it has ended, and on every instance
     * once it commits.
     */
    public void evict(String key) {
        afterCommit.run(() -> cache.invalidate(key));
        invalidations.publish(topic, key);
    }

    public void evictAll() {
        afterCommit.run(cache::invalidateAll);
        invalidations.publish(topic, Invalidations.EVERYTHING);
    }

    /** Forgets an entry here only: what another instance finds out by itself (a website found gone). */
    public void forgetHere(String key) {
        cache.invalidate(key);
    }

    private void forget(String key) {
        notified.incrementAndGet();
        if (Invalidations.EVERYTHING.equals(key)) {
            cache.invalidateAll();
        } else {
            cache.invalidate(key);
        }
    }

    private V fresh(Entry<V> entry) {
        if (entry == null) {
            return null;
        }
        boolean trusted = invalidations.listening()
                || System.nanoTime() - entry.loadedNanos() < Invalidations.FALLBACK_TTL.toNanos();
        return trusted ? entry.value() : null;
    }
}
