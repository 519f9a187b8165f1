package dev.payments.payments.writing;

/**
 * How much of a payment's own data a request carries, lowest first. A provider may deliver a refund before its
 * payment, or a checkout before the invoice it paid: the row stored first holds what that event knew, and a later event
 * of higher completeness restates the payment's fields (amount, currency, time, renewal, customer), so that the
 * stored payment is the same whatever the order of delivery. Every POST is {@link #PAYMENT}.
 */
public enum Completeness {
    /** A provider's refund of a payment not received yet: amounts and times of the refund's own record. */
    REFUND_ONLY,
    /** A provider's checkout that names the invoice recording the payment. */
    CHECKOUT,
    /** The payment itself. */
    PAYMENT;

    short level() {
        return (short) ordinal();
    }
}
