package dev.payments.platform.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every request an id, echoed in the X-Request-Id response header and in error bodies. A client's own id is
 * kept when it is short and plain; anything else is replaced so it can never inject into headers or logs. The id is
 * also on every log line written while serving the request.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    /** The key of the request id in the logging MDC (mdc.requestId in JSON logs, %X{requestId} in text). */
    public static final String MDC_KEY = "requestId";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String id = ctx.request().getHeader(HEADER);
            if (id == null || !ACCEPTABLE.matcher(id).matches()) {
                id = UUID.randomUUID().toString();
                ctx.request().headers().set(HEADER, id);
            }
            ctx.response().putHeader(HEADER, id);
            // Quarkus keeps the MDC in the request's own Vert.x context: every log line of this request carries it
            MDC.put(MDC_KEY, id);
            ctx.next();
        });
    }

    public static String of(HttpServerRequest request) {
        return request.getHeader(HEADER);
    }
}
