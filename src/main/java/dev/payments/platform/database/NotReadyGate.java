package dev.payments.platform.database;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Answers API requests with 503 while the schema is not prepared, rather than letting them fail on the database. */
@ApplicationScoped
class NotReadyGate {

    @Inject
    Schema schema;

    void install(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE + 3).handler(ctx -> {
            if (schema.isReady()) {
                ctx.next();
            } else {
                ctx.fail(503);
            }
        });
    }
}
