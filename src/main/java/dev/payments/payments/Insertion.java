package dev.payments.payments;

import java.util.Optional;

/**
 * What inserting a payment found: its row inserted, or a row with its transaction id stored already (read after the
 * insert, without a lock), or neither, when that row was deleted in between.
 */
record Insertion(boolean inserted, Optional<StoredPayment> existing) {

    static final Insertion INSERTED = new Insertion(true, Optional.empty());

    static Insertion existing(StoredPayment stored) {
        return new Insertion(false, Optional.ofNullable(stored));
    }
}
