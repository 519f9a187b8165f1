package dev.payments.errors;

import dev.payments.http.BodyPrefetch;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The cap on bodies whose length is not declared (chunked, or HTTP/2 without content-length), applied while the REST
 * layer reads them: past the cap, the read fails with a 413 in the error shape. A declared length over the cap never
 * gets here ({@link RouteErrors}), and HTTP itself keeps a body within its declared length, so only bodies without one
 * are wrapped. The REST layer reads every body itself (no Vert.x body handler before it: over HTTP/2 that makes it
 * fail), and its own limit, quarkus.http.limits.max-body-size, is set above this one so that it never answers first
 * with an empty 413. A request filter rather than a ReaderInterceptor: with any reader interceptor, Quarkus REST reads
 * the resource method's parameter annotations by reflection on every request (8 % of a create's worker CPU).
 */
public class BodyCap {

    /** After authentication: the body of a request refused there is never opened, as with a reader interceptor. */
    @ServerRequestFilter(priority = Priorities.USER + 1000)
    public void capUndeclaredLength(ContainerRequestContext context, HttpServerRequest request) {
        HttpMethod method = request.method();
        boolean mayHaveBody = method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH;
        if (mayHaveBody && BodyPrefetch.declaredLength(request) == BodyPrefetch.UNDECLARED) {
            context.setEntityStream(new Capped(context.getEntityStream(), HttpErrors.bodyLimit(request.path())));
        }
    }

    private static final class Capped extends FilterInputStream {

        private final HttpErrors.BodyLimit limit;
        private long remaining;

        Capped(InputStream in, HttpErrors.BodyLimit limit) {
            super(in);
            this.limit = limit;
            this.remaining = limit.bytes();
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                count(read);
            }
            return read;
        }

        private void count(long bytes) {
            remaining -= bytes;
            if (remaining < 0) {
                throw new ApiException(413, HttpErrors.typeOf(413), limit.message(), null);
            }
        }
    }
}
