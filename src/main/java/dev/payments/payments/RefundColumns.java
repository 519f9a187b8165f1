package dev.payments.payments;

import static dev.payments.payments.PaymentWriter.utc;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;

/** A stored payment's refund columns: read under the row's lock, and written with the refund a request adds. */
final class RefundColumns {

    /** The refund columns of a locked row, as {@link #read} takes them (six columns). */
    static final String SELECT = """
            amount, coalesce(refunded_amount, 0), refunded,
            (select coalesce(sum(u.amount), 0) from unnest(refund_amounts, refund_keys) u (amount, refund_key)
             where u.refund_key = ''), refund_keys, completeness = 0 -- REFUND_ONLY: the amount is a placeholder
            """;
    /** The assignments of an update, as {@link #bind} sets them (six parameters). */
    static final String SET = """
            refunded_amount = coalesce(?::numeric, refunded_amount), refunded = ?,
            refunded_at = coalesce(?, refunded_at), refund_amounts = refund_amounts || ?::numeric[],
            refund_times = refund_times || ?::timestamptz[], refund_keys = refund_keys || ?::text[]""";
    /** What a refund reported as a cumulative total is kept under in refund_keys. */
    static final String CUMULATIVE = "";

    private RefundColumns() {
    }

    /** The {@link #SELECT} columns from {@code first}. */
    static Refunds read(ResultSet row, int first) throws SQLException {
        BigDecimal amount = row.getBigDecimal(first);
        BigDecimal refunded = row.getBigDecimal(first + 1);
        HashSet<String> keys = new HashSet<>(Arrays.asList((String[]) row.getArray(first + 4).getArray()));
        keys.remove(CUMULATIVE);
        return new Refunds(amount, refunded, row.getBigDecimal(first + 3), keys, row.getBoolean(first + 2),
                row.getBoolean(first + 5));
    }

    /** Binds {@link #SET} from {@code index}; the next index. */
    static int bind(Connection connection, PreparedStatement update, int index, Refunds before,
            Optional<BigDecimal> added, NewPayment p) throws SQLException {
        BigDecimal refund = added.orElse(null);
        update.setString(index, refund == null ? null : before.refundedWith(refund).toPlainString());
        update.setBoolean(index + 1, before.wholeWith(refund));
        update.setObject(index + 2, refund == null ? null : utc(p.refundedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
        update.setArray(index + 3, connection.createArrayOf("numeric",
                refund == null ? new Object[0] : new Object[] {refund}));
        update.setArray(index + 4, connection.createArrayOf("timestamptz",
                refund == null ? new Object[0] : new Object[] {utc(p.refundedAt())}));
        update.setArray(index + 5, connection.createArrayOf("text",
                refund == null ? new Object[0] : new Object[] {key(p)}));
        return index + 6;
    }

    static String key(NewPayment p) {
        return p.refundKey() == null ? CUMULATIVE : p.refundKey();
    }
}
