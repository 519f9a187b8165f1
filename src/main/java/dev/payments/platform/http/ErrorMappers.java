package dev.payments.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.payments.platform.errors.ApiException;
import dev.payments.platform.errors.DatabaseFailures;
import dev.payments.platform.errors.ErrorReply;
import dev.payments.platform.errors.Failure;
import dev.payments.platform.errors.HttpErrors;
import dev.payments.platform.errors.Unavailable;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure inside the REST layer, answered in the contract's error shape ({@link ErrorReply}). */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);
    private static final String REQUEST_BODY = "request body";

    @Inject
    BodyCaps caps;

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
        return respond(Failure.of(status, caps.messageOf(status, request)), request);
    }

    /** The client closed the connection before its body had arrived: nobody is left to read an answer. */
    @ServerExceptionMapper
    public Response clientGone(HttpClosedException e, HttpServerRequest request) {
        LOG.debugf("request %s: the client closed the connection before sending its whole body",
                RequestIds.of(request));
        return respond(Failure.of(400, "the request body is incomplete"), request);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        if (e instanceof IllegalStateException && request.response().ended()) {
            // the work of a request already answered (503 at its deadline) ended and found the response written: no
            // bug; writing this answer fails too, and RequestDeadline drops that failure
            LOG.debugf("request %s ended after its answer was written: %s", RequestIds.of(request), e);
            return respond(Failure.of(503, "the request was not answered within its deadline"), request);
        }
        if (DatabaseFailures.isUnavailable(e)) {
            LOG.warnf("database unavailable while serving request %s: %s", RequestIds.of(request),
                    DatabaseFailures.rootMessage(e));
            Unavailable reason = DatabaseFailures.isPoolExhausted(e) ? Unavailable.CONNECTIONS : Unavailable.DATABASE;
            return respond(Failure.of(503, reason.count()), request);
        }
        if (DatabaseFailures.isUniqueViolation(e)) {
            return respond(Failure.of(409, "conflicts with a concurrent change; retry the request"), request);
        }
        LOG.errorf(e, "unexpected failure while serving request %s", RequestIds.of(request));
        return respond(Failure.of(500, HttpErrors.messageOf(500, request)), request);
    }

    private static Response respond(Failure failure, HttpServerRequest request) {
        return ErrorReply.of(failure, RequestIds.of(request)).toResponse();
    }
}
