package dev.payments.payments;

/**
 * What of a stored payment a later request may still change. A visitor or session once attached and a refund once
 * applied never change again, so a request that changes none is a duplicate for good, whenever the row was read.
 */
record StoredPayment(boolean noVisitor, boolean noSession, boolean refunded) {

    /** Whether the request attributes a visitor or a session the stored payment lacks. */
    boolean attributedBy(NewPayment p) {
        return noVisitor && p.visitorId() != null || noSession && p.sessionId() != null;
    }

    boolean changedBy(NewPayment p) {
        return attributedBy(p) || p.refunded() && !refunded;
    }
}
