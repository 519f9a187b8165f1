package dev.payments.account.directory;

import dev.payments.platform.cache.AfterCommit;
import dev.payments.platform.cache.CacheConfig;
import dev.payments.platform.cache.Invalidations;
import dev.payments.platform.cache.LookupCache;
import dev.payments.platform.database.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Website lookups for the request path, cached like credentials and read like them ({@link Jdbc}). */
@ApplicationScoped
public class WebsiteDirectory {

    private final LookupCache<WebsiteSnapshot> cache;
    private final Jdbc jdbc;

    WebsiteDirectory(CacheConfig config, AfterCommit afterCommit, Invalidations invalidations, Jdbc jdbc) {
        this.cache = new LookupCache<>("website", config, afterCommit, invalidations);
        this.jdbc = jdbc;
    }

    public Optional<WebsiteSnapshot> find(String websiteId) {
        return cache.get(websiteId, this::load);
    }

    /** Forgets a website that is being changed or deleted, here and on every instance. */
    public void evict(String websiteId) {
        cache.evict(websiteId);
    }

    /** Forgets a website found gone: every instance finds that out by itself. */
    public void forget(String websiteId) {
        cache.forgetHere(websiteId);
    }

    private Optional<WebsiteSnapshot> load(String websiteId) {
        return jdbc.single("select currency, timezone, tracking_suspended from website where id = ?",
                Jdbc.values(websiteId), row -> new WebsiteSnapshot(websiteId, row.getString(1), row.getString(2),
                        row.getBoolean(3)));
    }
}
