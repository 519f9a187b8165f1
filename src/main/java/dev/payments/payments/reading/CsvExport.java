package dev.payments.payments.reading;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** A CSV export's body, made a page at a time: the header row with the first page, then one page per chunk. */
public final class CsvExport {

    private final ExportPages pages;
    private boolean started;

    public CsvExport(ExportPages pages) {
        this.pages = pages;
    }

    /** The next chunk of the body, UTF-8, or null after the last; reads the database (so not on an event loop). */
    public byte[] next() {
        List<PaymentView> page = pages.next();
        if (page == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(256 * (page.size() + 1));
        if (!started) {
            out.append(PaymentCsv.HEADER);
            started = true;
        }
        PaymentCsv.write(page, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
