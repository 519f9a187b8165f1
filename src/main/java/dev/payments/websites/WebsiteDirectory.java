package dev.payments.websites;

import dev.payments.cache.AfterCommit;
import dev.payments.cache.CacheConfig;
import dev.payments.cache.LookupCache;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Website lookups for the request path, cached like credentials. */
@ApplicationScoped
public class WebsiteDirectory {

    private final LookupCache<String, WebsiteSnapshot> cache;

    WebsiteDirectory(CacheConfig config, AfterCommit afterCommit) {
        this.cache = new LookupCache<>(config, afterCommit);
    }

    public Optional<WebsiteSnapshot> find(String websiteId) {
        return cache.get(websiteId, id -> Website.<Website>findByIdOptional(id).map(Website::snapshot));
    }

    /** Forgets a website that is being changed or deleted. */
    public void evict(String websiteId) {
        cache.evict(websiteId);
    }
}
