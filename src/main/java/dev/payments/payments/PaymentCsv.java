package dev.payments.payments;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Payments as RFC 4180 CSV: a header row of the JSON field names, CRLF line ends, fields quoted when they hold a
 * comma, a quote or a line break (quotes doubled). A text cell a spreadsheet would read as a formula (starting with =,
 * +, -, @, a tab or a carriage return) is prefixed with a single quote, so that opening an export runs nothing.
 */
final class PaymentCsv {

    static final String HEADER = "transaction_id,amount,currency,reporting_amount,reporting_currency,"
            + "datafast_visitor_id,datafast_session_id,customer_email,customer_name,customer_id,renewal,refunded,"
            + "refunded_at,is_free_trial,timestamp\r\n";

    private PaymentCsv() {
    }

    static void write(List<PaymentView> payments, Writer out) throws IOException {
        StringBuilder line = new StringBuilder(256);
        for (PaymentView p : payments) {
            line.setLength(0);
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
            line.append(p.is_free_trial()).append(',');
            time(line, p.timestamp()).append("\r\n");
            out.write(line.toString());
        }
    }

    private static StringBuilder text(StringBuilder line, String value) {
        if (value == null || value.isEmpty()) {
            return line;
        }
        String cell = isFormula(value.charAt(0)) ? "'" + value : value;
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return line.append(cell);
        }
        return line.append('"').append(cell.replace("\"", "\"\"")).append('"');
    }

    private static boolean isFormula(char first) {
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    private static StringBuilder amount(StringBuilder line, BigDecimal value) {
        return value == null ? line : line.append(value.toPlainString());
    }

    private static StringBuilder time(StringBuilder line, Instant value) {
        return value == null ? line : line.append(value);
    }
}
