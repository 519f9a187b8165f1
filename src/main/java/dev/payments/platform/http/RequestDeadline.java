package dev.payments.platform.http;

import dev.payments.platform.errors.Unavailable;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import java.time.Duration;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * No API request waits without bound: one not answered within {@code payments.request-timeout} is answered 503 (with
 * Retry-After) there and then, whatever it still waits for. Each wait below has a bound of its own (the pool's
 * acquisition timeout, the driver's read timeout, the statement timeout, the writer's wait); this one caps their sum.
 * A write whose request timed out may still commit: its outcome is unknown to the client, which retries, and a retry
 * is idempotent.
 */
@ApplicationScoped
public class RequestDeadline {

    @ConfigMapping(prefix = "payments")
    public interface Config {

        /** PAYMENTS_REQUEST_TIMEOUT: the longest any API request goes unanswered. */
        @WithDefault("14S")
        Duration requestTimeout();
    }

    @Inject
    Config config;

    private static final String EXPIRED = RequestDeadline.class.getName() + ".expired";
    private static final String STARTED = RequestDeadline.class.getName() + ".started";
    private static final Logger LOG = Logger.getLogger(RequestDeadline.class);

    void install(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE + 1).handler(this::arm);
        router.route("/api/*").order(Integer.MIN_VALUE).failureHandler(RequestDeadline::dropLateFailure);
    }

    private void arm(RoutingContext ctx) {
        long timer = ctx.vertx().setTimer(config.requestTimeout().toMillis(), expired -> {
            if (!ctx.response().headWritten()) {
                LOG.warnf("Request %s not answered within %d ms: 503", RequestIds.of(ctx.request()),
                        config.requestTimeout().toMillis());
                ctx.put(EXPIRED, ctx.get(STARTED) != null ? Unavailable.DEADLINE : Unavailable.WORKERS);
                BodyPrefetch.closeAfterAnswer(ctx);
                ctx.fail(503);
            }
        });
        ctx.addEndHandler(ended -> ctx.vertx().cancelTimer(timer));
        ctx.next();
    }

    /** The first of the filters that run on the request's own thread: it has one now, so it no longer waits for one. */
    @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 50)
    public void started(RoutingContext ctx) {
        ctx.put(STARTED, Boolean.TRUE);
    }

    /** Why a request answered 503 at its deadline was not answered before, or null. */
    static Unavailable expired(RoutingContext ctx) {
        return ctx.get(EXPIRED);
    }

    /** The work of a request answered 503 at its deadline fails when it ends and finds the response written. */
    private static void dropLateFailure(RoutingContext ctx) {
        if (ctx.get(EXPIRED) != null && ctx.response().ended()) {
            LOG.debugf("Request %s ended after its deadline: %s", RequestIds.of(ctx.request()), ctx.failure());
            return;
        }
        ctx.next();
    }
}
