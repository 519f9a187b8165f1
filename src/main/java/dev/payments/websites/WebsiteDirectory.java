package dev.payments.websites;

import dev.payments.tx.AfterCommit;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Website lookups for the request path, cached like credentials (at most 30 s stale on other instances; changes on
 * this instance evict at once). Unknown ids are not cached.
 */
@ApplicationScoped
public class WebsiteDirectory {

    @Inject
    @CacheName("websites")
    Cache cache;

    public Optional<WebsiteSnapshot> find(String websiteId) {
        Optional<WebsiteSnapshot> found = cache.<String, Optional<WebsiteSnapshot>>get(websiteId,
                id -> Website.<Website>findByIdOptional(id).map(Website::snapshot)).await().indefinitely();
        if (found.isEmpty()) {
            cache.invalidate(websiteId).await().indefinitely();
        }
        return found;
    }

    @Inject
    AfterCommit afterCommit;

    /** Forgets a website that is being changed or deleted, now and after the transaction. */
    public void evict(String websiteId) {
        afterCommit.evict(() -> cache.invalidate(websiteId).await().indefinitely());
    }
}
