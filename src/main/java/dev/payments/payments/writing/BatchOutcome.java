package dev.payments.payments.writing;

import dev.payments.platform.errors.Failure;

/** What became of one payment of a batch: an outcome, as a POST of it would have had, or the failure a POST got. */
public record BatchOutcome(CreateOutcome outcome, Failure failure) {

    static BatchOutcome of(CreateOutcome outcome) {
        return new BatchOutcome(outcome, null);
    }

    public static BatchOutcome of(Failure failure) {
        return new BatchOutcome(null, failure);
    }
}
