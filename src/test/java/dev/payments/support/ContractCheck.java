package dev.payments.support;

import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.ValidatableResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Every response the suites receive through REST Assured, from any route of the API, success or error, is checked
 * against the OpenAPI document the build publishes (target/openapi/openapi.json), with Vert.x's OpenAPI validator:
 * its status must be declared for the operation, its headers and its body must match what is declared. A response
 * that does not fails the test that received it, so the document cannot drift from what the service sends.
 */
public final class ContractCheck implements OrderedFilter {

    private static final Path DOCUMENT = Path.of("target", "openapi", "openapi.json");
    private static final long TIMEOUT_SECONDS = 10;
    private static Contract contract;

    /**
     * {@code otherMedia}: per "operationId status", the media types other than JSON the document declares (CSV), which
     * Vert.x's validator does not take: they are removed from its copy and checked here, by media type only.
     */
    private record Contract(OpenAPIContract openApi, ResponseValidator validator, Map<String, Set<String>> otherMedia) {
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        Response response = context.next(request, responseSpec);
        String path = URI.create(request.getURI()).getPath();
        if (path.startsWith("/api/")) {
            check(HttpMethod.valueOf(request.getMethod()), path, response);
        }
        return response;
    }

    @Override
    public int getOrder() {
        return Integer.MAX_VALUE; // next to the network: what the service sent, as it sent it
    }

    /** Throws an AssertionError when the OpenAPI document does not describe this response to this request. */
    public static void check(HttpMethod method, String path, Response response) {
        Contract known = contract();
        Operation operation = known.openApi().findOperation(path, method);
        if (operation == null) {
            return; // no such route or method: the document declares none, the service answers 404 or 405
        }
        Map<String, String> headers = new LinkedHashMap<>();
        response.getHeaders().forEach(header -> headers.put(header.getName(), header.getValue()));
        byte[] body = response.asByteArray();
        // the media type, as the document declares it (application/json, not application/json;charset=UTF-8)
        String contentType = response.getContentType() == null ? null : response.getContentType().split(";")[0].trim();
        Set<String> other = known.otherMedia().get(operation.getOperationId() + " " + response.statusCode());
        if (other != null && other.contains(contentType)) {
            return; // declared as sent; its body is not JSON, nothing more to validate
        }
        ValidatableResponse actual = body.length == 0 || contentType == null || contentType.isEmpty()
                ? ValidatableResponse.create(response.statusCode(), headers)
                : ValidatableResponse.create(response.statusCode(), headers, Buffer.buffer(body), contentType);
        try {
            known.validator().validate(actual, operation.getOperationId()).toCompletionStage().toCompletableFuture()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new AssertionError(method + " " + path + " answered " + response.statusCode() + " "
                    + headers + " " + new String(body, StandardCharsets.UTF_8)
                    + ", which the OpenAPI document does not describe: " + cause.getMessage(), cause);
        }
    }

    private static synchronized Contract contract() {
        if (contract == null) {
            Vertx vertx = Vertx.vertx();
            try {
                JsonObject document = new JsonObject(Files.readString(DOCUMENT));
                Map<String, Set<String>> otherMedia = withoutOtherMedia(document);
                // the document's server is relative ("/"), which the validator cannot parse; only paths matter here
                document.put("servers", new JsonArray().add(new JsonObject().put("url", "http://localhost/")));
                OpenAPIContract openApi = OpenAPIContract.from(vertx, document).toCompletionStage()
                        .toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                contract = new Contract(openApi, ResponseValidator.create(vertx, openApi), otherMedia);
            } catch (IOException e) {
                throw new UncheckedIOException("the published OpenAPI document is missing: " + DOCUMENT, e);
            } catch (Exception e) {
                throw new IllegalStateException("the published OpenAPI document is not a valid contract", e);
            }
        }
        return contract;
    }

    /** Removes the responses' media types other than JSON from the document; returns them by operation and status. */
    private static Map<String, Set<String>> withoutOtherMedia(JsonObject document) {
        Map<String, Set<String>> other = new HashMap<>();
        JsonObject paths = document.getJsonObject("paths");
        for (String path : paths.fieldNames()) {
            JsonObject item = paths.getJsonObject(path);
            for (String method : item.fieldNames()) {
                JsonObject responses = item.getValue(method) instanceof JsonObject operation
                        ? operation.getJsonObject("responses") : null;
                if (responses == null) {
                    continue;
                }
                for (String status : responses.fieldNames()) {
                    JsonObject content = responses.getJsonObject(status).getJsonObject("content");
                    if (content == null) {
                        continue;
                    }
                    for (String media : List.copyOf(content.fieldNames())) {
                        if (!media.startsWith("application/json")) {
                            content.remove(media);
                            other.computeIfAbsent(item.getJsonObject(method).getString("operationId") + " " + status,
                                    key -> new HashSet<>()).add(media);
                        }
                    }
                }
            }
        }
        return other;
    }
}
