package dev.payments.platform.openapi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The headers the API's responses carry, declared on each: X-Request-Id on every one, the RateLimit-* headers on those
 * to authenticated requests (a request refused before its token is read gets none), Retry-After on 429 and 503.
 */
final class ResponseHeaders {

    private static final String REQUEST_ID = "X-Request-Id";
    private static final String RETRY_AFTER = "Retry-After";
    /** In this order in the document: a Map.of would list them in an order that changes from build to build. */
    private static final SortedMap<String, String> RATE_LIMIT = new TreeMap<>(Map.of(
            "RateLimit-Limit", "The token's quota of requests per period (sent when the request was authenticated)",
            "RateLimit-Remaining", "Requests left in the quota (sent when the request was authenticated)",
            "RateLimit-Reset", "Seconds until the quota is full again (sent when the request was authenticated)"));

    private ResponseHeaders() {
    }

    static void declare(OpenAPI openAPI) {
        Map<String, Header> headers = new LinkedHashMap<>();
        headers.put(REQUEST_ID, header("The request's id, also in error bodies and log lines: the client's own "
                + "X-Request-Id when plain and short, else a new one", "string", true));
        RATE_LIMIT.forEach((name, description) -> headers.put(name, header(description, "integer", false)));
        headers.put(RETRY_AFTER, header("Seconds to wait before retrying", "integer", true));
        headers.forEach(openAPI.getComponents()::addHeader);
    }

    /** The headers of a response with this status. */
    static void add(APIResponse response, int status) {
        response.addHeader(REQUEST_ID, ref(REQUEST_ID));
        RATE_LIMIT.keySet().forEach(name -> response.addHeader(name, ref(name)));
        if (status == 429 || status == 503) {
            response.addHeader(RETRY_AFTER, ref(RETRY_AFTER));
        }
    }

    private static Header ref(String name) {
        return OASFactory.createHeader().ref("#/components/headers/" + name);
    }

    private static Header header(String description, String type, boolean required) {
        Schema schema = OASFactory.createSchema().addType(Schema.SchemaType.valueOf(type.toUpperCase()));
        return OASFactory.createHeader().description(description).required(required).schema(schema);
    }
}
