package dev.payments.platform.errors;

import java.util.List;

/** A failure the service reports to its client as it is: status, machine-readable type, message, fields. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String type;
    private final List<String> fields;

    public ApiException(int status, String type, String message, List<String> fields) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.fields = fields;
    }

    public static ApiException badRequest(String message, String... fields) {
        return new ApiException(400, "invalid_request", message, fields.length == 0 ? null : List.of(fields));
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, "unauthorized", message, null);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, "forbidden", message, null);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message, null);
    }

    /** A website id that names no website (deleted, or never created). */
    public static ApiException noWebsite(String websiteId) {
        return notFound("website " + websiteId + " does not exist");
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, "conflict", message, null);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public List<String> fields() {
        return fields;
    }
}
