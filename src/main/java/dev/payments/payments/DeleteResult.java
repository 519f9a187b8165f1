package dev.payments.payments;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.payments.payments.reading.PaymentFilter;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One item of the DELETE /api/v1/payments response. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "PaymentsDeleted", requiredProperties = {"message", "deleted"})
public record DeleteResult(@Schema(examples = "Deleted 3 payments for visitor within time range") String message,
        @Schema(description = "Only for a delete by transaction") String transaction_id,
        @Schema(description = "Only for a delete by visitor") String datafast_visitor_id,
        long deleted,
        @Schema(description = "Only when a time range was given") TimeRangeView timeRange) {

    /** An end left open is null. */
    @Schema(name = "TimeRange", requiredProperties = {"start", "end"})
    public record TimeRangeView(@JsonInclude(JsonInclude.Include.ALWAYS) @Schema(nullable = true) Instant start,
            @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(nullable = true) Instant end) {
    }

    static DeleteResult ofTransaction(String transactionId) {
        return new DeleteResult("Deleted payment " + transactionId, transactionId, null, 1, null);
    }

    static DeleteResult of(PaymentFilter filter, long deleted) {
        String count = "Deleted " + deleted + (deleted == 1 ? " payment" : " payments");
        String scope = filter.visitorId() != null ? " for visitor" : "";
        String range = filter.range().isEmpty() ? "" : " within time range";
        TimeRangeView timeRange = filter.range().isEmpty() ? null
                : new TimeRangeView(filter.range().start(), filter.range().end());
        return new DeleteResult(count + scope + range, null, filter.visitorId(), deleted, timeRange);
    }
}
