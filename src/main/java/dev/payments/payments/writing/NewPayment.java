package dev.payments.payments.writing;

import dev.payments.currency.Conversion;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A validated, normalized payment about to be written; {@code conversion} is null while no rate is known,
 * {@code refundedAt} is the time of the refund when {@code refunded}, {@code refundedAmount} the total refunded so far
 * (cumulative, in {@code currency}; the whole amount unless the request said less), null when not a refund; with a
 * {@code refundKey} (a provider's id of a refund reported as an amount of its own), that refund's own amount
 * ({@link Refunds}).
 */
public record NewPayment(
        String websiteId,
        String transactionId,
        BigDecimal amount,
        String currency,
        String visitorId,
        String sessionId,
        String customerEmail,
        String customerName,
        String customerId,
        boolean renewal,
        boolean refunded,
        BigDecimal refundedAmount,
        String refundKey,
        boolean freeTrial,
        Instant occurredAt,
        Instant refundedAt,
        String reportingCurrency,
        Conversion conversion,
        Completeness completeness) {

    CreateOutcome newRowOutcome() {
        if (refunded) {
            return CreateOutcome.REFUND_RECORDED;
        }
        return freeTrial ? CreateOutcome.FREE_TRIAL_RECORDED : CreateOutcome.RECORDED;
    }
}
