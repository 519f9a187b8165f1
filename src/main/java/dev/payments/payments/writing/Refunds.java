package dev.payments.payments.writing;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

/**
 * A payment's refunds as stored, and the one home of what a request's refund adds to them. A refund is reported
 * either as the cumulative total refunded so far ({@code refunded_amount}, or the whole amount when absent), so that a
 * total resent, or older than the stored one, adds nothing; or, by a provider, as an amount of its own with an id (a
 * lost dispute, one approved adjustment), which counts once. Either adds at most what is left of the amount, unless
 * the amount is a placeholder: a row only refunds have described so far holds the first refund's amount, which the
 * next refunds may pass until the payment itself restates it (revenue counts at most the amount meanwhile).
 *
 * @param amount the payment's amount
 * @param refunded the sum of its refunds
 * @param reported the sum of those reported as cumulative totals: the total a later cumulative report is compared to
 * @param keys the ids of the refunds reported as amounts of their own
 * @param whole whether the payment is refunded whole
 * @param placeholder whether the amount is a placeholder ({@link Completeness#REFUND_ONLY})
 */
record Refunds(BigDecimal amount, BigDecimal refunded, BigDecimal reported, Set<String> keys, boolean whole,
        boolean placeholder) {

    /** A payment not refunded at all. */
    static Refunds none(BigDecimal amount) {
        return new Refunds(amount, BigDecimal.ZERO, BigDecimal.ZERO, Set.of(), false, false);
    }

    /** The same refunds, for a payment whose amount a more complete request restates. */
    Refunds withAmount(BigDecimal restated) {
        boolean refundedAtAll = whole || refunded.signum() > 0;
        return new Refunds(restated, refunded, reported, keys, refundedAtAll && refunded.compareTo(restated) >= 0,
                false);
    }

    /**
     * The refund the request adds, in the payment's currency: empty when it adds none. A zero refund marks whole a
     * payment of amount 0 that a request refunds.
     */
    Optional<BigDecimal> added(NewPayment p) {
        if (!p.refunded() || p.refundKey() != null && keys.contains(p.refundKey())) {
            return Optional.empty();
        }
        BigDecimal asked = p.refundKey() != null ? p.refundedAmount() : p.refundedAmount().subtract(reported);
        BigDecimal left = placeholder ? asked : amount.subtract(refunded).max(BigDecimal.ZERO);
        BigDecimal added = asked.min(left);
        if (added.signum() > 0) {
            return Optional.of(added);
        }
        return !whole && left.signum() == 0 ? Optional.of(BigDecimal.ZERO) : Optional.empty();
    }

    /** The sum of the refunds once {@code added} is recorded. */
    BigDecimal refundedWith(BigDecimal added) {
        return refunded.add(added);
    }

    /** Whether the payment is refunded whole once {@code added} (null: none) is recorded. */
    boolean wholeWith(BigDecimal added) {
        return added == null ? whole : refundedWith(added).compareTo(amount) >= 0;
    }
}
