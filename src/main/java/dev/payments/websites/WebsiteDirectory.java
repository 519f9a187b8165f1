package dev.payments.websites;

import dev.payments.cache.AfterCommit;
import dev.payments.cache.CacheConfig;
import dev.payments.cache.Invalidations;
import dev.payments.cache.LookupCache;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Website lookups for the request path, cached like credentials. */
@ApplicationScoped
public class WebsiteDirectory {

    private final LookupCache<WebsiteSnapshot> cache;

    WebsiteDirectory(CacheConfig config, AfterCommit afterCommit, Invalidations invalidations) {
        this.cache = new LookupCache<>("website", config, afterCommit, invalidations);
    }

    public Optional<WebsiteSnapshot> find(String websiteId) {
        return cache.get(websiteId, id -> Website.<Website>findByIdOptional(id).map(Website::snapshot));
    }

    /** Forgets a website that is being changed or deleted, here and on every instance. */
    public void evict(String websiteId) {
        cache.evict(websiteId);
    }

    /** Forgets a website found gone: every instance finds that out by itself. */
    public void forget(String websiteId) {
        cache.forgetHere(websiteId);
    }
}
