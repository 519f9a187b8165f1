package dev.payments.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.payments.http.RequestIds;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where every failure inside the REST layer becomes the contract's error shape. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);
    private static final String REQUEST_BODY = "request body";

    @ServerExceptionMapper
    public Response api(ApiException e, HttpServerRequest request) {
        return respond(Failure.of(e), request);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, HttpServerRequest request) {
        return respond(Failure.of(e.getConstraintViolations()), request);
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e, HttpServerRequest request) {
        return respond(Failure.of(e, REQUEST_BODY), request);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, HttpServerRequest request) {
        return respond(Failure.of(e, REQUEST_BODY), request);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest request) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, request);
        }
        int status = e.getResponse().getStatus();
        return respond(status, HttpErrors.typeOf(status), HttpErrors.messageOf(status, request), null, request);
    }

    /** The client closed the connection before its body had arrived: nobody is left to read an answer. */
    @ServerExceptionMapper
    public Response clientGone(HttpClosedException e, HttpServerRequest request) {
        LOG.debugf("request %s: the client closed the connection before sending its whole body",
                RequestIds.of(request));
        return respond(400, HttpErrors.typeOf(400), "the request body is incomplete", null, request);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        if (e instanceof IllegalStateException && request.response().ended()) {
            // the work of a request already answered (503 at its deadline) ended and found the response written: no
            // bug; writing this answer fails too, and RequestDeadline drops that failure
            LOG.debugf("request %s ended after its answer was written: %s", RequestIds.of(request), e);
            return respond(503, HttpErrors.typeOf(503), "the request was not answered within its deadline", null,
                    request);
        }
        if (DatabaseFailures.isUnavailable(e)) {
            LOG.warnf("database unavailable while serving request %s: %s", RequestIds.of(request),
                    DatabaseFailures.rootMessage(e));
            Unavailable reason = DatabaseFailures.isPoolExhausted(e) ? Unavailable.CONNECTIONS : Unavailable.DATABASE;
            return respond(503, HttpErrors.typeOf(503), reason.count(), null, request);
        }
        if (DatabaseFailures.isUniqueViolation(e)) {
            return respond(409, HttpErrors.typeOf(409), "conflicts with a concurrent change; retry the request", null,
                    request);
        }
        LOG.errorf(e, "unexpected failure while serving request %s", RequestIds.of(request));
        return respond(500, HttpErrors.typeOf(500), HttpErrors.messageOf(500, request), null, request);
    }

    private static Response respond(int status, String type, String message, List<String> fields,
            HttpServerRequest request) {
        Response.ResponseBuilder response = Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorResponse.of(status, type, message, fields, RequestIds.of(request)));
        if (status == 503) {
            response.header("Retry-After", HttpErrors.RETRY_AFTER_SECONDS);
        }
        return response.build();
    }

    private static Response respond(Failure failure, HttpServerRequest request) {
        return respond(failure.status(), failure.type(), failure.message(), failure.fields(), request);
    }
}
