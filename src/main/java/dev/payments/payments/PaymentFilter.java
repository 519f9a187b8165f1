package dev.payments.payments;

import io.quarkus.panache.common.Parameters;

/** Which payments a read or delete is about; null members do not filter. */
record PaymentFilter(String transactionId, String visitorId, String customerId, TimeRange range) {

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
