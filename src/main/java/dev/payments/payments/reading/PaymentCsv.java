package dev.payments.payments.reading;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Payments as RFC 4180 CSV: a header row of the JSON field names, CRLF line ends, quotes doubled inside quoted fields.
 * Spreadsheets split on other separators than the comma (a semicolon, a tab or a pipe, by locale or by choice), and
 * they honour a quote only at the start of what they take for a field, so a cell is made safe for all of them:
 * <ul>
 * <li>a text cell holding any of {@code , ; TAB | " CR LF} is quoted;
 * <li>wherever a spreadsheet could start a cell inside it (its start, and right after any of {@code , ; TAB | CR LF}),
 * a formula trigger ({@code = + - @}, a tab or a carriage return) gets a single quote before it, so opening an export
 * runs nothing, whatever the separator.
 * </ul>
 */
final class PaymentCsv {

    static final String HEADER = "transaction_id,amount,currency,reporting_amount,reporting_currency,"
            + "datafast_visitor_id,datafast_session_id,customer_email,customer_name,customer_id,renewal,refunded,"
            + "refunded_at,refunded_amount,is_free_trial,timestamp\r\n";

    /** What a spreadsheet may split cells or rows on. */
    private static final String SEPARATORS = ",;\t|\r\n";
    private static final String FORMULA_TRIGGERS = "=+-@\t\r";

    private PaymentCsv() {
    }

    static void write(List<PaymentView> payments, StringBuilder line) {
        for (PaymentView p : payments) {
            text(line, p.transaction_id()).append(',');
            amount(line, p.amount()).append(',');
            text(line, p.currency()).append(',');
            amount(line, p.reporting_amount()).append(',');
            text(line, p.reporting_currency()).append(',');
            text(line, p.datafast_visitor_id()).append(',');
            text(line, p.datafast_session_id()).append(',');
            text(line, p.customer_email()).append(',');
            text(line, p.customer_name()).append(',');
            text(line, p.customer_id()).append(',');
            line.append(p.renewal()).append(',').append(p.refunded()).append(',');
            time(line, p.refunded_at()).append(',');
            amount(line, p.refunded_amount()).append(',');
            line.append(p.is_free_trial()).append(',');
            time(line, p.timestamp()).append("\r\n");
        }
    }

    private static StringBuilder text(StringBuilder line, String value) {
        if (value == null || value.isEmpty()) {
            return line;
        }
        StringBuilder cell = new StringBuilder(value.length() + 4);
        boolean cellStart = true;
        boolean quote = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (cellStart && FORMULA_TRIGGERS.indexOf(c) >= 0) {
                cell.append('\'');
            }
            cell.append(c);
            if (c == '"') {
                cell.append('"');
            }
            cellStart = SEPARATORS.indexOf(c) >= 0;
            quote |= cellStart || c == '"';
        }
        return quote ? line.append('"').append(cell).append('"') : line.append(cell);
    }

    private static StringBuilder amount(StringBuilder line, BigDecimal value) {
        return value == null ? line : line.append(value.toPlainString());
    }

    private static StringBuilder time(StringBuilder line, Instant value) {
        return value == null ? line : line.append(value);
    }
}
