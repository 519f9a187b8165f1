package dev.payments.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payments.http.RequestIds;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Errors raised below the REST layer, by the HTTP server itself: a path no route serves, and failures such as a body
 * over the size cap. They get the same error shape as everything else.
 */
@ApplicationScoped
public class RouteErrors {

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::rejectOversizedBody);
        router.route().order(Integer.MIN_VALUE + 1).failureHandler(this::onFailure);
        // a chunked body has no Content-Length: read API bodies up to the cap here, so that going past it fails the
        // context with 413 (into onFailure) instead of the REST layer's bare 413 and a logged IOException
        // only on the methods Vert.x lets carry a form: on a GET with a form Content-Type, BodyHandler's form decoding
        // throws (a 500); no API route reads the body of any other method
        router.route("/api/*").order(Integer.MIN_VALUE + 2)
                .method(HttpMethod.POST).method(HttpMethod.PUT).method(HttpMethod.PATCH).method(HttpMethod.DELETE)
                .handler(BodyHandler.create(false).setBodyLimit(HttpErrors.BODY_LIMIT_BYTES));
        // BodyHandler leaves no buffer for an empty body, and the REST layer would then wait forever for one
        router.route("/api/*").order(Integer.MIN_VALUE + 2).handler(ctx -> {
            if (ctx.body().buffer() == null) {
                ctx.setBody(Buffer.buffer());
            }
            ctx.next();
        });
        router.route().last().handler(ctx -> write(ctx, 404));
    }

    /**
     * A declared Content-Length over the cap is refused before the body is read, on every route (the HTTP server's own
     * check, quarkus.http.limits.max-body-size, would answer with an empty 413).
     */
    private void rejectOversizedBody(RoutingContext ctx) {
        String length = ctx.request().getHeader("Content-Length");
        if (length != null && isOver(length, HttpErrors.BODY_LIMIT_BYTES)) {
            ctx.fail(413);
            return;
        }
        ctx.next();
    }

    private static boolean isOver(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // the HTTP server rejects a malformed length itself
        }
    }

    private void onFailure(RoutingContext ctx) {
        if (ctx.failure() instanceof HttpClosedException) {
            // the client closed the connection before its request was read whole: nobody to answer, nobody's error
            return;
        }
        int status = ctx.statusCode();
        if (ctx.response().headWritten() || status < 400 || status >= 500 && status != 503) {
            ctx.next();
            return;
        }
        if (status == 413) {
            ctx.response().putHeader("Connection", "close");
        }
        write(ctx, status);
    }

    private void write(RoutingContext ctx, int status) {
        ErrorResponse body = ErrorResponse.of(status, HttpErrors.typeOf(status),
                HttpErrors.messageOf(status, ctx.request()), null, RequestIds.of(ctx.request()));
        try {
            if (status == 503) {
                ctx.response().putHeader("Retry-After", HttpErrors.RETRY_AFTER_SECONDS);
            }
            ctx.response().setStatusCode(status)
                    .putHeader("Content-Type", "application/json")
                    .end(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }
}
