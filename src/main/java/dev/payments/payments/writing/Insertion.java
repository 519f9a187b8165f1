package dev.payments.payments.writing;

/**
 * What inserting a payment found: its row inserted; a row with its transaction id stored already ({@code stored}, read
 * after the insert without a lock); neither, when that row was deleted in between; or no website to insert it for.
 */
record Insertion(Kind kind, StoredPayment stored) {

    enum Kind { INSERTED, STORED, VANISHED, NO_WEBSITE }

    static final Insertion INSERTED = new Insertion(Kind.INSERTED, null);
    static final Insertion VANISHED = new Insertion(Kind.VANISHED, null);
    static final Insertion NO_WEBSITE = new Insertion(Kind.NO_WEBSITE, null);

    static Insertion stored(StoredPayment stored) {
        return new Insertion(Kind.STORED, stored);
    }
}
