package dev.payments.payments;

/**
 * What of a stored payment a later request may still change. A visitor once attached and a refund once applied never
 * change again, so a request that changes neither is a duplicate for good, whenever the row was read.
 */
record StoredPayment(boolean noVisitor, boolean refunded) {

    boolean changedBy(NewPayment p) {
        return noVisitor && p.visitorId() != null || p.refunded() && !refunded;
    }
}
