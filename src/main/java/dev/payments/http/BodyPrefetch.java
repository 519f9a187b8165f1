package dev.payments.http;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.ByteArrayInputStream;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Reads a small body of declared length on the event loop, before the request moves to a worker thread. Otherwise the
 * worker reads it itself, parked until the event loop hands each chunk over: that handshake was 17 % of a create's
 * worker CPU. Larger bodies (batches) and bodies of undeclared length are still read by the worker as they arrive, so
 * the event loop never holds more than {@link #MOST} bytes of a request that is not authenticated yet. A body that
 * stops arriving is answered 503 at the request's deadline, as before.
 */
public class BodyPrefetch {

    /** Every single-payment and provider-webhook body fits; a batch of payments does not need to. */
    private static final int MOST = 16 * 1024;
    public static final long UNDECLARED = -1;
    private static final Uni<Void> NOTHING_TO_READ = Uni.createFrom().voidItem();

    /** Quarkus REST runs non-blocking filters first, and requires them to come first in priority too. */
    @ServerRequestFilter(nonBlocking = true, priority = Priorities.AUTHENTICATION - 100)
    public Uni<Void> prefetch(ContainerRequestContext context, HttpServerRequest request) {
        long length = declaredLength(request);
        if (length <= 0 || length > MOST || request.isEnded()) {
            return NOTHING_TO_READ;
        }
        return Uni.createFrom().emitter(emitter -> {
            Buffer body = Buffer.buffer((int) length);
            request.handler(body::appendBuffer);
            request.exceptionHandler(emitter::fail);
            request.endHandler(end -> {
                context.setEntityStream(new ByteArrayInputStream(body.getBytes()));
                emitter.complete(null);
            });
            request.resume();
        });
    }

    /**
     * The length of the request's body as its Content-Length declares it; {@link #UNDECLARED} without one, with one that
     * is not a number (the HTTP server refuses those itself), or with Transfer-Encoding (chunked).
     */
    public static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        if (length == null || request.getHeader("Transfer-Encoding") != null) {
            return UNDECLARED;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return UNDECLARED;
        }
    }
}
