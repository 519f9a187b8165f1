package dev.payments.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id, echoed in the X-Request-Id response header and in error bodies. A client's own id is
 * kept when it is short and plain; anything else is replaced so it can never inject into headers or logs.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String id = ctx.request().getHeader(HEADER);
            if (id == null || !ACCEPTABLE.matcher(id).matches()) {
                id = UUID.randomUUID().toString();
                ctx.request().headers().set(HEADER, id);
            }
            ctx.response().putHeader(HEADER, id);
            ctx.next();
        });
    }

    public static String of(HttpServerRequest request) {
        return request.getHeader(HEADER);
    }
}
