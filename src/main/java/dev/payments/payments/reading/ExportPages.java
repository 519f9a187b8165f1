package dev.payments.payments.reading;

import java.util.List;

/**
 * Every payment matching a filter, newest first, a page at a time as the reader asks: each page is read by a statement
 * of its own, on a connection returned to the pool before the page is handed out, so nothing is held between pages.
 * One reader at a time.
 */
public final class ExportPages {

    private static final int PAGE = 1_000;

    private final PaymentReads reads;
    private final String websiteId;
    private final PaymentFilter filter;
    private Cursor cursor;
    private boolean done;

    public ExportPages(PaymentReads reads, String websiteId, PaymentFilter filter) {
        this.reads = reads;
        this.websiteId = websiteId;
        this.filter = filter;
    }

    /** The next page (the first one may be empty), or null after the last. */
    List<PaymentView> next() {
        if (done) {
            return null;
        }
        PaymentReads.Slice slice = reads.page(websiteId, new PaymentQuery(filter, PAGE, cursor));
        cursor = slice.next();
        done = cursor == null;
        return slice.payments();
    }
}
