package dev.payments.payments.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.payments.payments.writing.BatchOutcome;
import dev.payments.platform.errors.Failure;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One item of POST /api/v1/payments/batch's answer: what a POST of it would have answered, or its error. */
@Schema(name = "BatchItem", requiredProperties = "index")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchItem(
        @Schema(description = "Its position in the request, from 0") int index,
        @Schema(description = "As a POST of it would have answered", examples = "Payment recorded") String message,
        @Schema(examples = "payment_456") String transaction_id,
        @Schema(description = "Why it was not recorded; nothing of it is stored") ItemError error) {

    static BatchItem of(int index, String transactionId, BatchOutcome outcome) {
        return outcome.outcome() != null
                ? new BatchItem(index, outcome.outcome().message(), transactionId, null)
                : failed(index, outcome.failure());
    }

    static BatchItem failed(int index, Failure failure) {
        return new BatchItem(index, null, null,
                new ItemError(failure.status(), failure.type(), failure.message(), failure.fields()));
    }

    /** The error shape's detail, for one item. */
    @Schema(name = "BatchItemError", requiredProperties = {"code", "type", "message"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemError(@Schema(examples = "400") int code, @Schema(examples = "validation_failed") String type,
            @Schema(examples = "amount must be greater than or equal to 0") String message,
            @Schema(description = "The item's fields at fault") List<String> fields) {
    }
}
