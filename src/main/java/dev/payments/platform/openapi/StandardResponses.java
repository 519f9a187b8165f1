package dev.payments.platform.openapi;

import dev.payments.platform.errors.HttpErrors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Adds the failures every route can return (auth, rate limit, size, content negotiation, server, database) to each API
 * operation, and 408 to those that take a body; declares the headers of every response, gives each shared error
 * response an example with its own status, and lets {@link WireSchemas} correct what annotations cannot express.
 */
public class StandardResponses implements OASFilter {

    /** The error responses of {@link ApiDocs}, by status, in order (the document's bytes stay the same per build). */
    private static final SortedMap<Integer, String> ERRORS = new TreeMap<>(Map.ofEntries(
            Map.entry(400, "BadRequest"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "NotFound"), Map.entry(406, "NotAcceptable"), Map.entry(408, "RequestTimeout"),
            Map.entry(409, "Conflict"),
            Map.entry(413, "PayloadTooLarge"), Map.entry(415, "UnsupportedMediaType"),
            Map.entry(429, "TooManyRequests"), Map.entry(500, "InternalError"), Map.entry(503, "ServiceUnavailable")));
    /** A declared length over the cap is refused on any route, as is an Accept without JSON. */
    private static final List<Integer> EVERY_ROUTE = List.of(401, 403, 406, 413, 429, 500, 503);

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses != null) {
            // a route without a token (a provider's webhook, verified by its signature) never answers 401 or 403
            boolean tokenless = operation.getSecurity() != null && operation.getSecurity().isEmpty();
            if (operation.getRequestBody() != null && !responses.hasAPIResponse("408")) {
                responses.addAPIResponse("408", OASFactory.createAPIResponse().ref("#/components/responses/"
                        + ERRORS.get(408)));
            }
            EVERY_ROUTE.forEach(status -> {
                if (!responses.hasAPIResponse(status.toString()) && !(tokenless && (status == 401 || status == 403))) {
                    responses.addAPIResponse(status.toString(), OASFactory.createAPIResponse()
                            .ref("#/components/responses/" + ERRORS.get(status)));
                }
            });
            responses.getAPIResponses().forEach((status, response) -> {
                if (response.getRef() == null) {
                    ResponseHeaders.add(response, Integer.parseInt(status));
                }
            });
        }
        return operation;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        ResponseHeaders.declare(openAPI);
        WireSchemas.apply(openAPI);
        ERRORS.forEach((status, name) -> {
            var response = openAPI.getComponents().getResponses().get(name);
            ResponseHeaders.add(response, status);
            MediaType json = response.getContent().getMediaType("application/json");
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", status);
            error.put("type", HttpErrors.typeOf(status));
            error.put("message", response.getDescription());
            error.put("request_id", "3f2c1e9a-7b4d-4c1a-9e8f-5a6b7c8d9e0f");
            Map<String, Object> example = new LinkedHashMap<>();
            example.put("status", "error");
            example.put("error", error);
            json.setExample(example);
        });
    }
}
