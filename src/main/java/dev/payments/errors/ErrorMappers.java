package dev.payments.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.payments.http.RequestIds;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where every failure inside the REST layer becomes the contract's error shape. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);
    /** Jackson's wording when STRICT_DUPLICATE_DETECTION finds a repeated key. */
    private static final Pattern DUPLICATE_FIELD = Pattern.compile("^Duplicate field '(.{1,255})'");

    @ServerExceptionMapper
    public Response api(ApiException e, HttpServerRequest request) {
        return respond(e.status(), e.type(), e.getMessage(), e.fields(), request);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, HttpServerRequest request) {
        List<ConstraintViolation<?>> violations = e.getConstraintViolations().stream()
                .sorted((a, b) -> fieldOf(a).compareTo(fieldOf(b)))
                .toList();
        String message = violations.stream().map(ErrorMappers::describe).distinct().collect(Collectors.joining("; "));
        List<String> fields = violations.stream().map(ErrorMappers::fieldOf).filter(f -> !f.isEmpty()).distinct().toList();
        return respond(400, "validation_failed", message, fields.isEmpty() ? null : fields, request);
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e, HttpServerRequest request) {
        String field = jsonPath(e);
        String message = field.isEmpty()
                ? "request body must be a JSON object"
                : field + " has the wrong type or format";
        return respond(400, "invalid_json", message, field.isEmpty() ? null : List.of(field), request);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, HttpServerRequest request) {
        Matcher duplicate = DUPLICATE_FIELD.matcher(String.valueOf(e.getOriginalMessage()));
        if (duplicate.find()) {
            String field = duplicate.group(1);
            return respond(400, "invalid_json", "request body has the field " + field + " more than once",
                    List.of(field), request);
        }
        return respond(400, "invalid_json", "request body is not valid JSON", null, request);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest request) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json instanceof MismatchedInputException mismatch ? wrongType(mismatch, request)
                    : malformedJson(json, request);
        }
        int status = e.getResponse().getStatus();
        return respond(status, HttpErrors.typeOf(status), HttpErrors.messageOf(status, request), null, request);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        if (DatabaseFailures.isUnavailable(e)) {
            LOG.warnf("database unavailable while serving request %s: %s", RequestIds.of(request),
                    DatabaseFailures.rootMessage(e));
            return respond(503, HttpErrors.typeOf(503), HttpErrors.DATABASE_UNAVAILABLE, null, request);
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

    /** A violation as the error message names it: the JSON field, then what is wrong with it. */
    public static String describe(ConstraintViolation<?> violation) {
        String field = fieldOf(violation);
        return field.isEmpty() ? "request body " + violation.getMessage() : field + " " + violation.getMessage();
    }

    /** The JSON name of the offending field: record components are named as on the wire. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String field = "";
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PROPERTY) {
                field = field.isEmpty() ? node.getName() : field + "." + node.getName();
            }
        }
        return field;
    }

    private static String jsonPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
