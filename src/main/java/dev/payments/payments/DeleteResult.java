package dev.payments.payments;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** One item of the DELETE /api/v1/payments response. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeleteResult(String message, String transaction_id, String datafast_visitor_id, long deleted,
        TimeRangeView timeRange) {

    public record TimeRangeView(@JsonInclude(JsonInclude.Include.ALWAYS) Instant start,
            @JsonInclude(JsonInclude.Include.ALWAYS) Instant end) {
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
