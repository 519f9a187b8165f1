package dev.payments.platform.http;

import dev.payments.platform.errors.ApiException;
import dev.payments.platform.errors.HttpErrors;
import dev.payments.platform.errors.Unavailable;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Reads every request body whole on the event loop, before the request takes a worker thread: no worker ever waits for
 * a client's bytes, however slowly they come. A body is refused as it arrives: past its route's cap (413), past the
 * bytes {@link PendingBodies} lets unauthenticated bodies hold (503), or not arrived within the body timeout (408).
 */
public class BodyPrefetch {

    public static final long UNDECLARED = -1;
    /** How long an answered connection still takes the rest of its body before it is closed all the same. */
    private static final Duration LINGER = Duration.ofSeconds(2);
    private static final Uni<Void> NOTHING_TO_READ = Uni.createFrom().voidItem();

    @Inject
    PendingBodies pending;

    @Inject
    HttpLimits limits;

    @Inject
    BodyCaps caps;

    @Inject
    Vertx vertx;

    @Inject
    MeterRegistry registry;

    /** Quarkus REST runs non-blocking filters first, and requires them to come first in priority too. */
    @ServerRequestFilter(nonBlocking = true, priority = Priorities.AUTHENTICATION - 100)
    public Uni<Void> prefetch(ContainerRequestContext context, RoutingContext routing) {
        HttpServerRequest request = routing.request();
        HttpMethod method = request.method();
        boolean mayHaveBody = method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH;
        if (!mayHaveBody || request.isEnded()) {
            return NOTHING_TO_READ;
        }
        return Uni.createFrom().emitter(emitter -> new Reading(context, routing, emitter).start());
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

    /**
     * An answer given before the request's body was read whole ends its HTTP/1 connection: the unread rest could not
     * carry another request. An HTTP/2 stream ends alone.
     */
    public static void closeAfterAnswer(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.version() == HttpVersion.HTTP_2 || request.isEnded()) {
            return;
        }
        request.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        // the header only asks the client to close. The rest of the body is read and dropped meanwhile: closing with
        // unread bytes would send a reset, which can destroy the answer before the client reads it
        request.handler(dropped -> { });
        request.resume();
        ctx.addEndHandler(answered -> {
            if (request.isEnded()) {
                request.connection().close();
            } else {
                request.endHandler(ended -> request.connection().close());
                ctx.vertx().setTimer(LINGER.toMillis(), late -> request.connection().close());
            }
        });
    }

    /** One body on its way in; every callback runs on the connection's event loop. */
    private final class Reading {

        private final ContainerRequestContext context;
        private final RoutingContext routing;
        private final HttpServerRequest request;
        private final UniEmitter<? super Void> emitter;
        private final HttpConnection connection;
        private final BodySize cap;
        private final Buffer body = Buffer.buffer();
        private long timer;
        private boolean over;

        Reading(ContainerRequestContext context, RoutingContext routing, UniEmitter<? super Void> emitter) {
            this.context = context;
            this.routing = routing;
            this.request = routing.request();
            this.emitter = emitter;
            this.connection = request.connection();
            this.cap = caps.of(request.path());
        }

        void start() {
            timer = vertx.setTimer(limits.bodyTimeout().toMillis(), expired -> refuse("too_slow", new ApiException(408,
                    HttpErrors.typeOf(408), "the request body did not arrive within "
                            + limits.bodyTimeout().toSeconds() + " s", null)));
            request.handler(this::arrived);
            request.exceptionHandler(this::failed);
            request.endHandler(end -> complete());
            request.resume();
        }

        private void arrived(Buffer chunk) {
            if (over) {
                return;
            }
            if (body.length() + chunk.length() > cap.bytes()) {
                refuse("too_large", new ApiException(413, HttpErrors.typeOf(413), cap.tooLarge(), null));
            } else if (!pending.hold(connection, chunk.length())) {
                refuse("too_many", Unavailable.BODIES.exception());
            } else {
                body.appendBuffer(chunk);
            }
        }

        private void complete() {
            if (finish()) {
                context.setEntityStream(new ByteArrayInputStream(body.getBytes()));
                emitter.complete(null);
            }
        }

        private void failed(Throwable failure) {
            if (finish()) {
                emitter.fail(failure);
            }
        }

        private void refuse(String reason, ApiException answer) {
            if (finish()) {
                registry.counter("http.bodies.refused", "reason", reason).increment();
                closeAfterAnswer(routing);
                emitter.fail(answer);
            }
        }

        /** Ends the reading once: whatever more arrives is dropped, and the bytes held are given back. */
        private boolean finish() {
            if (over) {
                return false;
            }
            over = true;
            vertx.cancelTimer(timer);
            pending.release(connection, body.length());
            return true;
        }
    }
}
