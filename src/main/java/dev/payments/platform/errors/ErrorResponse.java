package dev.payments.platform.errors;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The one shape of every error response (contract section 5). */
// also serialized by the routes below the REST layer, where no build-time serializer exists: native needs reflection
@RegisterForReflection(targets = {ErrorResponse.class, ErrorResponse.Detail.class})
@Schema(name = "Error", description = "Every error, from every layer, has this shape",
        requiredProperties = {"status", "error"})
public record ErrorResponse(@Schema(enumeration = "error") String status, Detail error) {

    public static ErrorResponse of(int code, String type, String message, List<String> fields, String requestId) {
        return new ErrorResponse("error", new Detail(code, type, message, fields, requestId));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ErrorDetail", requiredProperties = {"code", "type", "message", "request_id"})
    public record Detail(
            @Schema(description = "The HTTP status", examples = "400") int code,
            @Schema(description = "Machine-readable kind of error", examples = "validation_failed") String type,
            @Schema(examples = "amount must be greater than or equal to 0") String message,
            @Schema(description = "The request fields at fault, where there are any") List<String> fields,
            @JsonProperty("request_id") @Schema(description = "Also sent as the X-Request-Id header") String requestId) {
    }
}
