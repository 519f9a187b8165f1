package dev.payments.http;

import dev.payments.errors.HttpErrors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Adds the failures every authenticated route can return (auth, rate limit, server, database) to each API operation, and gives
 * each shared error response an example with its own status.
 */
public class StandardResponses implements OASFilter {

    /** The error responses of {@link ApiDocs}, by status. */
    private static final Map<Integer, String> ERRORS = Map.of(
            400, "BadRequest", 401, "Unauthorized", 403, "Forbidden", 404, "NotFound", 409, "Conflict",
            413, "PayloadTooLarge", 415, "UnsupportedMediaType", 429, "TooManyRequests", 500, "InternalError",
            503, "ServiceUnavailable");
    private static final List<Integer> EVERY_ROUTE = List.of(401, 403, 429, 500, 503);

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses != null) {
            EVERY_ROUTE.forEach(status -> {
                if (!responses.hasAPIResponse(status.toString())) {
                    responses.addAPIResponse(status.toString(), OASFactory.createAPIResponse()
                            .ref("#/components/responses/" + ERRORS.get(status)));
                }
            });
        }
        return operation;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        ERRORS.forEach((status, name) -> {
            var response = openAPI.getComponents().getResponses().get(name);
            MediaType json = response.getContent().getMediaType("application/json");
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", status);
            error.put("type", HttpErrors.typeOf(status));
            error.put("message", response.getDescription());
            error.put("request_id", "3f2c1e9a-7b4d-4c1a-9e8f-5a6b7c8d9e0f");
            json.setExample(Map.of("status", "error", "error", error));
        });
    }
}
