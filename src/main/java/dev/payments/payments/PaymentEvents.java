package dev.payments.payments;

import dev.payments.payments.reading.PaymentFilter;
import dev.payments.payments.writing.CreateOutcome;

/** What a payment call changed, published to observers once its transaction has committed. */
final class PaymentEvents {

    private PaymentEvents() {
    }

    record Recorded(CreateOutcome outcome) {
    }

    /**
     * {@code principalId} is the id of the key or token that asked, never the secret itself; {@code filter} is null
     * when the payments were deleted with their website.
     */
    record Deleted(String principalId, String websiteId, PaymentFilter filter, long count) {

        String by() {
            return filter == null ? "website" : filter.transactionId() != null ? "transaction"
                    : filter.visitorId() != null ? "visitor" : "range";
        }
    }
}
