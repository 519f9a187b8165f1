package dev.payments.payments.writing;

/**
 * What of a stored payment a later request may still change. A visitor or session once attached, a whole refund and a
 * completeness once reached never change again, so a request that changes none is a duplicate for good, whenever the
 * row was read; a refund request that may still add a refund is decided under the row's lock ({@link Refunds}).
 */
record StoredPayment(boolean noVisitor, boolean noSession, boolean refunded, int completeness) {

    /** Whether the request attributes a visitor or a session the stored payment lacks. */
    boolean attributedBy(NewPayment p) {
        return noVisitor && p.visitorId() != null || noSession && p.sessionId() != null;
    }

    /** Whether the request knows more of the payment itself than the row holds ({@link Completeness}). */
    boolean completedBy(NewPayment p) {
        return p.completeness().level() > completeness;
    }

    /**
     * Whether the request may change the row: a refund request may, until the payment is refunded whole, or while
     * only refunds have described it ({@link Refunds}).
     */
    boolean changedBy(NewPayment p) {
        return attributedBy(p) || p.refunded() && (!refunded || completeness == Completeness.REFUND_ONLY.level()) || completedBy(p);
    }
}
