package dev.payments.platform.errors;

import io.vertx.core.http.HttpServerRequest;

/** Messages for the failures the HTTP layer itself detects (no route, wrong method, media type). */
public final class HttpErrors {

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

    /** The message of a failure with this status; a 413's, which names its route's cap, is the body caps' own. */
    public static String messageOf(int status, HttpServerRequest request) {
        return switch (status) {
            case 400 -> "malformed request";
            case 404 -> "no route for " + request.method() + " " + request.path();
            case 405 -> "method " + request.method() + " is not allowed on " + request.path();
            case 406 -> "responses are only available as application/json (and text/csv from GET /api/v1/payments)";
            case 415 -> "Content-Type must be application/json";
            case 503 -> "the service is unavailable; retry shortly";
            default -> status >= 500 ? "internal server error" : "request failed with status " + status;
        };
    }
}
