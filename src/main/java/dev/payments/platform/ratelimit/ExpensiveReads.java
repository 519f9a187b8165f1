package dev.payments.platform.ratelimit;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How many expensive reads (revenue reports, CSV exports) run at once on this instance: per key or token, and of all
 * keys together. One beyond either limit is refused 429 at once, never queued: a waiting request would hold a worker
 * thread, and its client would retry meanwhile.
 */
@ApplicationScoped
public class ExpensiveReads {

    /** A read takes seconds at most (its statements' budget): the client may retry soon. */
    private static final long RETRY_AFTER_SECONDS = 1;

    private final RateLimitConfig config;
    private final Semaphore instance;
    /** The reads each key has running; a key without any has no entry. */
    private final ConcurrentHashMap<String, Integer> running = new ConcurrentHashMap<>();

    @Inject
    CurrentVertxRequest http;

    ExpensiveReads(RateLimitConfig config) {
        this.config = config;
        this.instance = new Semaphore(Math.toIntExact(config.expensiveReadsPerInstance()));
    }

    /** A place for one read of the credential, to close when the read ends; or 429. */
    public Place enter(String credentialId, ContainerRequestContext request) {
        boolean[] admitted = {false};
        running.compute(credentialId, (id, reads) -> {
            int count = reads == null ? 0 : reads;
            admitted[0] = count < config.expensiveReadsPerKey();
            return admitted[0] ? count + 1 : reads;
        });
        if (!admitted[0]) {
            throw RateLimits.refused(request, RETRY_AFTER_SECONDS, "this key already has "
                    + config.expensiveReadsPerKey() + " revenue reports or CSV exports running; retry after "
                    + RETRY_AFTER_SECONDS + " s");
        }
        if (!instance.tryAcquire()) {
            leave(credentialId);
            throw RateLimits.refused(request, RETRY_AFTER_SECONDS, "too many revenue reports and CSV exports are "
                    + "running; retry after " + RETRY_AFTER_SECONDS + " s");
        }
        return new Place(credentialId);
    }

    /** For a read streamed after the resource method has returned: its place is kept until the response ends. */
    public void enterUntilResponseEnds(String credentialId, ContainerRequestContext request) {
        Place place = enter(credentialId, request);
        http.getCurrent().addEndHandler(ended -> place.close());
    }

    private void leave(String credentialId) {
        running.computeIfPresent(credentialId, (id, reads) -> reads == 1 ? null : reads - 1);
    }

    /** One running read's place; closing it again does nothing. */
    public final class Place implements AutoCloseable {

        private final String credentialId;
        private final AtomicBoolean open = new AtomicBoolean(true);

        private Place(String credentialId) {
            this.credentialId = credentialId;
        }

        @Override
        public void close() {
            if (open.compareAndSet(true, false)) {
                instance.release();
                leave(credentialId);
            }
        }
    }
}
