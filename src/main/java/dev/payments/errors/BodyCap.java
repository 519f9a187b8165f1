package dev.payments.errors;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The cap on bodies whose length is not declared (chunked, or HTTP/2 without content-length), applied while the REST
 * layer reads them: past the cap, the read fails with a 413 in the error shape. The REST layer reads every body itself
 * (no Vert.x body handler before it: over HTTP/2 that makes it fail), and its own limit,
 * quarkus.http.limits.max-body-size, is set above this one so that it never answers first with an empty 413.
 */
@Provider
public class BodyCap implements ReaderInterceptor {

    @Inject
    HttpServerRequest request;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new Capped(context.getInputStream(), HttpErrors.bodyLimit(request.path())));
        return context.proceed();
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
