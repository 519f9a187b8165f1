package dev.payments.platform.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * A failure as its client receives it: status, headers (Retry-After on a 503) and the contract's error body. The one
 * renderer of every error answer, whether the REST layer's exception mappers give it or the routes below that layer
 * do.
 */
public record ErrorReply(int status, Map<String, String> headers, ErrorResponse body) {

    /** What a 503 asks the client to wait before retrying. */
    private static final String RETRY_AFTER_SECONDS = "5";

    public static ErrorReply of(Failure failure, String requestId) {
        int status = failure.status();
        Map<String, String> headers = status == 503 ? Map.of("Retry-After", RETRY_AFTER_SECONDS) : Map.of();
        return new ErrorReply(status, headers,
                ErrorResponse.of(status, failure.type(), failure.message(), failure.fields(), requestId));
    }

    public Response toResponse() {
        Response.ResponseBuilder response = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body);
        headers.forEach(response::header);
        return response.build();
    }

    /** Ends the response with this answer, for a route that runs below the REST layer. */
    public void writeTo(HttpServerResponse response, ObjectMapper json) throws JsonProcessingException {
        String text = json.writeValueAsString(body);
        headers.forEach(response::putHeader);
        response.setStatusCode(status).putHeader("Content-Type", MediaType.APPLICATION_JSON).end(text);
    }
}
