package dev.payments.payments.writing;

/** What a POST did; each outcome has its own message. */
public enum CreateOutcome {
    RECORDED("Payment recorded"),
    FREE_TRIAL_RECORDED("Free trial recorded"),
    REFUND_RECORDED("Refund recorded"),
    DUPLICATE("Payment already recorded; duplicate skipped"),
    ATTRIBUTED("Payment attributed to visitor"),
    REFUNDED("Payment marked as refunded"),
    REFUNDED_AND_ATTRIBUTED("Payment marked as refunded and attributed to visitor"),
    PARTIALLY_REFUNDED("Partial refund recorded"),
    PARTIALLY_REFUNDED_AND_ATTRIBUTED("Partial refund recorded and payment attributed to visitor");

    private final String message;

    CreateOutcome(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}
