package dev.payments.errors;

import io.vertx.core.http.HttpServerRequest;

/** Messages for the failures the HTTP layer itself detects (no route, wrong method, media type, size). */
public final class HttpErrors {

    /** The cap on request bodies; quarkus.http.limits.max-body-size is set above the largest. */
    private static final BodyLimit BODY_LIMIT = new BodyLimit(64 * 1024, "request body is larger than 64 KiB");
    /** POST /api/v1/payments/batch takes up to 1,000 payments. */
    private static final BodyLimit BATCH_BODY_LIMIT = new BodyLimit(1024 * 1024, "request body is larger than 1 MiB");
    private static final String BATCH_PATH = "/api/v1/payments/batch";

    private HttpErrors() {
    }

    public static String typeOf(int status) {
        return switch (status) {
            case 400 -> "invalid_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 408 -> "request_timeout";
            case 409 -> "conflict";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            case 429 -> "rate_limited";
            case 503 -> "service_unavailable";
            default -> status >= 500 ? "internal_error" : "http_error";
        };
    }

    /** The cap on the body of a request to this path. */
    public static BodyLimit bodyLimit(String path) {
        return BATCH_PATH.equals(path) ? BATCH_BODY_LIMIT : BODY_LIMIT;
    }

    public record BodyLimit(long bytes, String message) {
    }

    public static String messageOf(int status, HttpServerRequest request) {
        return switch (status) {
            case 400 -> "malformed request";
            case 404 -> "no route for " + request.method() + " " + request.path();
            case 405 -> "method " + request.method() + " is not allowed on " + request.path();
            case 406 -> "responses are only available as application/json (and text/csv from GET /api/v1/payments)";
            case 413 -> bodyLimit(request.path()).message();
            case 415 -> "Content-Type must be application/json";
            case 503 -> "the service is unavailable; retry shortly";
            default -> status >= 500 ? "internal server error" : "request failed with status " + status;
        };
    }
}
