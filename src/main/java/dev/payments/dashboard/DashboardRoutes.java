package dev.payments.dashboard;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The dashboard's page and assets are static resources (META-INF/resources/dashboard). These routes give /dashboard
 * its folder's address, so that the page's relative links resolve inside it, and give every file of it the headers
 * that keep a page holding a credential to itself: nothing it loads, sends or runs comes from anywhere else, and no
 * other site may frame it.
 */
@ApplicationScoped
public class DashboardRoutes {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    void install(@Observes Router router) {
        // a regular expression: Vert.x's path "/dashboard" matches "/dashboard/" too
        router.routeWithRegex("/dashboard").method(HttpMethod.GET).method(HttpMethod.HEAD).handler(ctx ->
                ctx.response().setStatusCode(301).putHeader("Location", "dashboard/").end());
        router.route("/dashboard/*").order(Integer.MIN_VALUE + 2).handler(ctx -> {
            ctx.response().putHeader("Content-Security-Policy", POLICY)
                    .putHeader("Referrer-Policy", "no-referrer")
                    .putHeader("X-Content-Type-Options", "nosniff")
                    // revalidated on each load, so that an upgraded service never runs yesterday's scripts
                    .putHeader("Cache-Control", "no-cache");
            ctx.next();
        });
    }
}
