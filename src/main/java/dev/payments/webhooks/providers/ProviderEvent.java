package dev.payments.webhooks.providers;

import dev.payments.payments.PaymentRequest;
import dev.payments.payments.writing.Completeness;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * What a verified provider event means: a payment to record as a POST of {@code payment} would be (a refund dated
 * {@code refundedAt}, which adds {@code increment} to the stored total when the provider reports the refund as an
 * amount of its own rather than as a total), or nothing, with the reason when the event was of a kind the service
 * uses.
 */
public record ProviderEvent(String type, PaymentRequest payment, Instant refundedAt, Completeness completeness,
        RefundIncrement increment, String ignoredBecause) {

    /**
     * A refund a provider reports only as its own amount (a lost dispute, one Paddle adjustment), never as the total
     * refunded so far: the total is what was refunded before plus {@code amount}, counted once per {@code key} (the
     * dispute's or adjustment's id), however often and in whatever order its events arrive.
     */
    public record RefundIncrement(String key, BigDecimal amount) {
    }

    /** An event type the service does not use. */
    static ProviderEvent unused(String type) {
        return new ProviderEvent(type, null, null, null, null, null);
    }

    /** An event of a type the service uses, which records nothing for the reason given. */
    static ProviderEvent ignored(String type, String reason) {
        return new ProviderEvent(type, null, null, null, null, reason);
    }

    static ProviderEvent payment(String type, PaymentRequest payment, Completeness completeness) {
        return new ProviderEvent(type, payment, null, completeness, null, null);
    }

    /**
     * A refund of the total the request states (its refunded_amount, or the whole amount); when it arrives first, its
     * row holds what the refund knows of the payment.
     */
    static ProviderEvent refund(String type, PaymentRequest refund, Instant refundedAt) {
        return new ProviderEvent(type, refund, refundedAt, Completeness.REFUND_ONLY, null, null);
    }

    /** A refund of {@code increment} more than the stored total, which {@code refund} states as its refunded_amount. */
    static ProviderEvent refund(String type, PaymentRequest refund, Instant refundedAt, RefundIncrement increment) {
        return new ProviderEvent(type, refund, refundedAt, Completeness.REFUND_ONLY, increment, null);
    }

    public boolean records() {
        return payment != null;
    }
}
