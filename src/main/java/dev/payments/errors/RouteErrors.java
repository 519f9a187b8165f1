package dev.payments.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payments.http.RequestIds;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
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
        router.route().last().handler(ctx -> write(ctx, 404));
    }

    /**
     * A declared Content-Length over the cap is refused before the body is read. A chunked body of undeclared length
     * is cut off by the HTTP server itself (quarkus.http.limits.max-body-size), whose 413 has no body.
     */
    private void rejectOversizedBody(RoutingContext ctx) {
        String length = ctx.request().getHeader("Content-Length");
        if (length != null && isOver(length, HttpErrors.BODY_LIMIT_BYTES)) {
            ctx.response().putHeader("Connection", "close");
            write(ctx, 413);
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
        int status = ctx.statusCode();
        if (ctx.response().headWritten() || status < 400 || status >= 500) {
            ctx.next();
            return;
        }
        write(ctx, status);
    }

    private void write(RoutingContext ctx, int status) {
        ErrorResponse body = ErrorResponse.of(status, HttpErrors.typeOf(status),
                HttpErrors.messageOf(status, ctx.request()), null, RequestIds.of(ctx.request()));
        try {
            ctx.response().setStatusCode(status)
                    .putHeader("Content-Type", "application/json")
                    .end(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }
}
