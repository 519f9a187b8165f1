package dev.payments.account.credentials;

import dev.payments.platform.cache.Invalidations;
import dev.payments.platform.database.Jdbc;
import dev.payments.platform.database.SchemaReady;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashSet;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Which secrets may exist, from the first 64 bits of every stored key's and token's hash, in memory: a client address
 * that floods unknown tokens is refused before any lookup ({@code RateLimits}), but a secret found here is looked up
 * all the same, so that a valid key never fails for sharing its address (a proxy, a NAT) with a flood. The set is read
 * whole once the schema is ready and every few minutes (dropping revoked secrets), and a secret created on any instance
 * is added as soon as its cache notification arrives; until the first read, nothing counts as known.
 */
@ApplicationScoped
public class KnownCredentials {

    static final String TOPIC = "credential";
    private static final Logger LOG = Logger.getLogger(KnownCredentials.class);
    private static final String ALL = "select key_hash from website_key union all select token_hash from account_token";

    private final Jdbc jdbc;
    private final Object swap = new Object();
    private Set<Long> known = new HashSet<>();
    /** What was added while a read of the whole set was under way, which that read may have missed. */
    private Set<Long> addedDuringRead;

    KnownCredentials(Jdbc jdbc, Invalidations invalidations) {
        this.jdbc = jdbc;
        invalidations.subscribe(TOPIC, this::notified);
    }

    public boolean mayExist(String hash) {
        synchronized (swap) {
            return known.contains(prefix(hash));
        }
    }

    void onSchemaReady(@Observes SchemaReady ready) {
        read();
    }

    @Scheduled(every = "5m", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void read() {
        Set<Long> during = new HashSet<>();
        synchronized (swap) {
            addedDuringRead = during;
        }
        Set<Long> read;
        try {
            read = new HashSet<>(jdbc.query(ALL, Jdbc.values(), row -> prefix(row.getString(1))));
        } catch (RuntimeException e) {
            LOG.warnf("Could not read the stored keys' hashes (%s); keeping those known", e.getMessage());
            synchronized (swap) {
                addedDuringRead = null;
            }
            return;
        }
        synchronized (swap) {
            read.addAll(during);
            known = read;
            addedDuringRead = null;
        }
    }

    private void notified(String hash) {
        if (Invalidations.EVERYTHING.equals(hash)) {
            return; // what was created meanwhile came with its own notification, or the next read brings it
        }
        synchronized (swap) {
            known.add(prefix(hash));
            if (addedDuringRead != null) {
                addedDuringRead.add(prefix(hash));
            }
        }
    }

    private static long prefix(String hash) {
        return Long.parseUnsignedLong(hash.substring(0, 16), 16);
    }
}
