package dev.payments.payments.writing;

import static dev.payments.payments.writing.PaymentWriter.setNullableString;
import static dev.payments.payments.writing.PaymentWriter.utc;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one home, in SQL, of what a stored payment may become when its transaction id comes again: the state a request
 * is judged by ({@link StoredPayment}, {@link Refunds}), what a merge changes (a visitor or session attached where the
 * row has none, a refund added) and which conversion a row keeps. {@link PaymentWriter} and {@link Completion} (under
 * the row's lock) and {@link BatchStatements} (group commit) build their statements from these texts.
 */
final class PaymentRules {

    /** The stored payment {@code p}'s state, as {@link #state} reads it (four columns). */
    static final String STATE = "p.visitor_id is null, p.session_id is null, p.refunded, p.completeness";
    /** The refund columns of a locked row, as {@link #refunds} reads them (six columns). */
    static final String REFUNDS = """
            amount, coalesce(refunded_amount, 0), refunded,
            (select coalesce(sum(u.amount), 0) from unnest(refund_amounts, refund_keys) u (amount, refund_key)
             where u.refund_key = ''), refund_keys, completeness = 0 -- REFUND_ONLY: the amount is a placeholder
            """;
    /** What a repeated payment may change, as {@link #bindChanges} sets it (eight parameters). */
    static final String CHANGES = """
            visitor_id = coalesce(visitor_id, ?), session_id = coalesce(session_id, ?),
            refunded_amount = coalesce(?::numeric, refunded_amount), refunded = ?,
            refunded_at = coalesce(?, refunded_at), refund_amounts = refund_amounts || ?::numeric[],
            refund_times = refund_times || ?::timestamptz[], refund_keys = refund_keys || ?::text[]""";
    /** The payment's row, as {@link #bindRow} sets it (two parameters). */
    static final String ROW = " website_id = ? and transaction_id = ?";
    /** What a refund reported as a cumulative total is kept under in refund_keys. */
    static final String CUMULATIVE = "";

    private PaymentRules() {
    }

    /**
     * The amount, rate and date of a conversion made for {@code madeFor}, in that order, each kept only when
     * {@code rowCurrency} (the row's reporting currency) is that currency; else null, and the payment is pending
     * (converted in the background).
     */
    static String conversionKept(String rowCurrency, String madeFor, String amount, String rate, String date) {
        return Stream.of(amount, rate, date)
                .map(value -> "case when " + rowCurrency + " = " + madeFor + " then " + value + " end")
                .collect(Collectors.joining(", "));
    }

    /** The {@link #STATE} columns from {@code first}. */
    static StoredPayment state(ResultSet row, int first) throws SQLException {
        return new StoredPayment(row.getBoolean(first), row.getBoolean(first + 1), row.getBoolean(first + 2),
                row.getInt(first + 3));
    }

    /** The {@link #REFUNDS} columns from {@code first}. */
    static Refunds refunds(ResultSet row, int first) throws SQLException {
        BigDecimal amount = row.getBigDecimal(first);
        BigDecimal refunded = row.getBigDecimal(first + 1);
        HashSet<String> keys = new HashSet<>(Arrays.asList((String[]) row.getArray(first + 4).getArray()));
        keys.remove(CUMULATIVE);
        return new Refunds(amount, refunded, row.getBigDecimal(first + 3), keys, row.getBoolean(first + 2),
                row.getBoolean(first + 5));
    }

    /** Binds {@link #CHANGES} from {@code index}, {@code added} being the refund {@code p} adds; the next index. */
    static int bindChanges(Connection connection, PreparedStatement update, int index, Refunds before,
            Optional<BigDecimal> added, NewPayment p) throws SQLException {
        setNullableString(update, index, p.visitorId());
        setNullableString(update, index + 1, p.sessionId());
        BigDecimal refund = added.orElse(null);
        update.setString(index + 2, refund == null ? null : before.refundedWith(refund).toPlainString());
        update.setBoolean(index + 3, before.wholeWith(refund));
        update.setObject(index + 4, refund == null ? null : utc(p.refundedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
        update.setArray(index + 5, connection.createArrayOf("numeric",
                refund == null ? new Object[0] : new Object[] {refund}));
        update.setArray(index + 6, connection.createArrayOf("timestamptz",
                refund == null ? new Object[0] : new Object[] {utc(p.refundedAt())}));
        update.setArray(index + 7, connection.createArrayOf("text",
                refund == null ? new Object[0] : new Object[] {refundKey(p)}));
        return index + 8;
    }

    /** Binds {@link #ROW} from {@code index}. */
    static void bindRow(PreparedStatement statement, int index, NewPayment p) throws SQLException {
        statement.setString(index, p.websiteId());
        statement.setString(index + 1, p.transactionId());
    }

    /** What the refund {@code p} reports is kept under in refund_keys. */
    static String refundKey(NewPayment p) {
        return p.refundKey() == null ? CUMULATIVE : p.refundKey();
    }
}
