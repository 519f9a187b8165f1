package dev.payments.webhooks.stripeimport;

import dev.payments.payments.writing.CreateOutcome;

/** What an import has done so far: one import's thread counts, the database keeps copies for readers. */
final class ImportCounts {

    private int payments;
    private int refunds;
    private int skipped;

    /** Counts a recording: a new or completed payment, a refund, or nothing new (a duplicate). */
    void count(CreateOutcome outcome) {
        switch (outcome) {
            case DUPLICATE -> skipped++;
            case REFUND_RECORDED, REFUNDED, REFUNDED_AND_ATTRIBUTED, PARTIALLY_REFUNDED,
                    PARTIALLY_REFUNDED_AND_ATTRIBUTED -> refunds++;
            case RECORDED, FREE_TRIAL_RECORDED, ATTRIBUTED -> payments++;
        }
    }

    /** An object that records nothing: not paid, not refunded, or refused by the rules. */
    void skip() {
        skipped++;
    }

    int payments() {
        return payments;
    }

    int refunds() {
        return refunds;
    }

    int skipped() {
        return skipped;
    }
}
