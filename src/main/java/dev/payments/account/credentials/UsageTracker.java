package dev.payments.account.credentials;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Remembers when each key and token was last used and writes it to the database once a minute
 * ({@code payments.last-used-flush-interval}), off the request path, so that authenticating a request never writes.
 */
@ApplicationScoped
public class UsageTracker {

    private static final Logger LOG = Logger.getLogger(UsageTracker.class);

    private final Map<Credential, Instant> pending = new ConcurrentHashMap<>();

    @Inject
    UsageWriter writer;

    public void touch(Credential credential) {
        pending.put(credential, Instant.now());
    }

    @Scheduled(every = "${payments.last-used-flush-interval}", delayed = "${payments.last-used-flush-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void flush() {
        Map<Credential, Instant> batch = new HashMap<>(pending);
        if (batch.isEmpty()) {
            return;
        }
        try {
            writer.write(batch);
            // only what was written: a newer use that arrived meanwhile stays for the next flush
            batch.forEach((credential, lastUse) -> pending.remove(credential, lastUse));
        } catch (RuntimeException e) {
            LOG.warnf("could not record last use of %d keys, will retry: %s", batch.size(), e.getMessage());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        flush();
    }
}
