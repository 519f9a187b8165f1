package dev.payments.payments.web;

import dev.payments.payments.reading.CsvExport;
import dev.payments.platform.http.RequestIds;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyWriter;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;
import org.jboss.resteasy.reactive.server.vertx.VertxResteasyReactiveRequestContext;

/**
 * Writes a {@link CsvExport} without keeping a worker thread or a database connection while the client reads: each
 * page is read on a worker, written without blocking, and the next one is read only once the client has taken enough
 * of the bytes queued for it (Vert.x's write queue drained); meanwhile the request is suspended and holds nothing. A
 * client that leaves the queue full for {@link ExportConfig#writeTimeout()} has its connection closed.
 */
@Provider
@Produces("text/csv")
public class CsvExportWriter implements ServerMessageBodyWriter<CsvExport> {

    private static final Logger LOG = Logger.getLogger(CsvExportWriter.class);

    @Inject
    ExportConfig config;

    @Inject
    Vertx vertx;

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, ResteasyReactiveResourceInfo target,
            MediaType mediaType) {
        return CsvExport.class.isAssignableFrom(type);
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return CsvExport.class.isAssignableFrom(type);
    }

    /**
     * Reads the first page here, on the request's worker, so that a database failure is answered as any other (a 503)
     * while nothing has been sent; the rest goes on on the connection's event loop.
     */
    @Override
    public void writeResponse(CsvExport export, Type genericType, ServerRequestContext context) {
        VertxResteasyReactiveRequestContext request = (VertxResteasyReactiveRequestContext) context;
        byte[] first = export.next();
        request.suspend();
        request.serverResponse().setChunked(true);
        Transfer transfer = new Transfer(export, request);
        request.serverResponse().addCloseHandler(transfer::finish);
        request.getContextExecutor().execute(() -> transfer.send(first));
    }

    @Override
    public void writeTo(CsvExport export, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) {
        throw new UnsupportedOperationException("written by writeResponse only");
    }

    /** One export's progress; every method runs on the connection's event loop. */
    private final class Transfer {

        private final CsvExport export;
        private final VertxResteasyReactiveRequestContext request;
        private boolean finished;
        /**
         * Whether a full write queue is being waited on. A drain handler stays set after it has run, and Vert.x may
         * call it again (writability can flip back by itself): only the wait it was set for may read the next page,
         * or two reads would run at once on one export.
         */
        private boolean awaitingDrain;

        Transfer(CsvExport export, VertxResteasyReactiveRequestContext request) {
            this.export = export;
            this.request = request;
        }

        void send(byte[] chunk) {
            if (request.serverResponse().closed()) {
                finish(); // perhaps before the close handler was set
                return;
            }
            request.serverResponse().write(chunk, failure -> {
                // a failed write closes the connection: the close handler finishes
            });
            if (!request.serverResponse().isWriteQueueFull()) {
                fetch();
                return;
            }
            awaitingDrain = true;
            Runnable cancelDeadline = request.registerTimer(config.writeTimeout().toMillis(), this::giveUp);
            request.serverResponse().addDrainHandler(() -> {
                if (awaitingDrain) {
                    awaitingDrain = false;
                    cancelDeadline.run();
                    fetch();
                }
            });
        }

        private void fetch() {
            if (finished || request.serverResponse().closed()) {
                return; // a closing connection drains its write queue too
            }
            vertx.executeBlocking(export::next, false).onComplete(read -> {
                if (finished) {
                    return; // the client went away meanwhile
                }
                if (read.failed()) {
                    LOG.warnf(read.cause(), "CSV export %s cut short: the payments could not be read",
                            RequestIds.of(request.vertxServerRequest()));
                    request.closeConnection();
                } else if (read.result() == null) {
                    request.serverResponse().end();
                    finish();
                } else {
                    send(read.result());
                }
            });
        }

        private void giveUp() {
            LOG.infof("CSV export %s closed: its client took none of the queued bytes for %d ms",
                    RequestIds.of(request.vertxServerRequest()), config.writeTimeout().toMillis());
            finish();
            request.closeConnection();
        }

        /** Once, when the export ends or its connection closes: lets the request complete. */
        void finish() {
            if (!finished) {
                finished = true;
                request.resume();
            }
        }
    }
}
