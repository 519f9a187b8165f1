package dev.payments.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payments.platform.errors.ErrorReply;
import dev.payments.platform.errors.Failure;
import dev.payments.platform.errors.Unavailable;
import io.vertx.core.http.HttpClosedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Errors raised below the REST layer, by the HTTP server itself: a path no route serves, and a declared body length over
 * the cap. They get the same error shape as everything else ({@link ErrorReply}). No body is read here: the REST layer
 * reads every body itself ({@link BodyPrefetch}, which caps those of undeclared length as they arrive).
 */
@ApplicationScoped
public class RouteErrors {

    @Inject
    ObjectMapper json;

    @Inject
    BodyCaps caps;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::rejectOversizedBody);
        router.route().order(Integer.MIN_VALUE + 1).failureHandler(this::onFailure);
        router.route().last().handler(ctx -> write(ctx, 404));
    }

    /** A declared Content-Length over the cap is refused before any of the body is read, on every route. */
    private void rejectOversizedBody(RoutingContext ctx) {
        if (BodyPrefetch.declaredLength(ctx.request()) > caps.of(ctx.request().path()).bytes()) {
            ctx.fail(413);
            return;
        }
        ctx.next();
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
            BodyPrefetch.closeAfterAnswer(ctx);
        }
        write(ctx, status);
    }

    private void write(RoutingContext ctx, int status) {
        Unavailable expired = status == 503 ? RequestDeadline.expired(ctx) : null;
        String message = expired != null ? expired.count() : caps.messageOf(status, ctx.request());
        try {
            ErrorReply.of(Failure.of(status, message), RequestIds.of(ctx.request())).writeTo(ctx.response(), json);
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }
}
