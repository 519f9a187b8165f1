package dev.payments.payments;

import dev.payments.errors.ApiException;
import io.quarkus.panache.common.Parameters;
import java.util.regex.Pattern;

/** Which payments a read or delete is about; null members do not filter. */
record PaymentFilter(String transactionId, String visitorId, String customerId, TimeRange range) {

    private static final Pattern TEXT = Pattern.compile(PaymentRequest.TEXT);

    PaymentFilter {
        requireText(transactionId, "transaction_id");
        requireText(visitorId, "datafast_visitor_id");
        requireText(customerId, "customer_id");
    }

    /** The text rule of {@link PaymentRequest#TEXT}: with U+0000 in it, the query would fail (a 500). */
    private static void requireText(String value, String parameter) {
        if (value != null && !TEXT.matcher(value).matches()) {
            throw ApiException.badRequest(parameter + " " + PaymentRequest.TEXT_MESSAGE, parameter);
        }
    }

    /** Adds this filter's conditions, as JPQL over {@link Payment}, to a where clause. */
    void appendTo(StringBuilder where, Parameters params) {
        if (transactionId != null) {
            where.append(" and transactionId = :transactionId");
            params.and("transactionId", transactionId);
        }
        if (visitorId != null) {
            where.append(" and visitorId = :visitorId");
            params.and("visitorId", visitorId);
        }
        if (customerId != null) {
            where.append(" and customerId = :customerId");
            params.and("customerId", customerId);
        }
        if (range.start() != null) {
            where.append(" and occurredAt >= :start");
            params.and("start", range.start());
        }
        if (range.end() != null) {
            where.append(" and occurredAt <= :end");
            params.and("end", range.end());
        }
    }
}
