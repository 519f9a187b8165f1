package dev.payments.webhooks;

import dev.payments.payments.Completeness;
import dev.payments.payments.PaymentRequest;
import java.time.Instant;

/**
 * What a verified provider event means: a payment to record as a POST of {@code payment} would be (a refund dated
 * {@code refundedAt}), or nothing, with the reason when the event was of a kind the service uses.
 */
record ProviderEvent(String type, PaymentRequest payment, Instant refundedAt, Completeness completeness,
        String ignoredBecause) {

    /** An event type the service does not use. */
    static ProviderEvent unused(String type) {
        return new ProviderEvent(type, null, null, null, null);
    }

    /** An event of a type the service uses, which records nothing for the reason given. */
    static ProviderEvent ignored(String type, String reason) {
        return new ProviderEvent(type, null, null, null, reason);
    }

    static ProviderEvent payment(String type, PaymentRequest payment, Completeness completeness) {
        return new ProviderEvent(type, payment, null, completeness, null);
    }

    /** A refund of the whole payment; when it arrives first, its row holds what the refund knows of the payment. */
    static ProviderEvent refund(String type, PaymentRequest refund, Instant refundedAt) {
        return new ProviderEvent(type, refund, refundedAt, Completeness.REFUND_ONLY, null);
    }

    boolean records() {
        return payment != null;
    }
}
