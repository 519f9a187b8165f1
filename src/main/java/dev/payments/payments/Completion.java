package dev.payments.payments;

import static dev.payments.payments.PaymentWriter.setNullableString;
import static dev.payments.payments.PaymentWriter.utc;

import dev.payments.currency.Conversion;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.math.BigDecimal;
import java.util.Optional;

/** Restates a stored payment's own fields from a request that knows more of it ({@link Completeness}). */
final class Completion {

    /**
     * A request of higher {@link Completeness} restates the payment's own fields: its customer fields where it has
     * them, the visitor and session where the row has none; the refund as a merge does, against the restated amount. The conversion is stored only
     * when made for the row's reporting currency, else the payment is pending again (converted in the background).
     */
    private static final String COMPLETE = """
            update payment set amount = ?::numeric, currency = ?, occurred_at = ?, renewal = ?, free_trial = ?,
                               customer_email = coalesce(?, customer_email), customer_name = coalesce(?, customer_name),
                               customer_id = coalesce(?, customer_id), visitor_id = coalesce(visitor_id, ?),
                               session_id = coalesce(session_id, ?),
                               reporting_amount = case when reporting_currency = ? then ?::numeric end,
                               reporting_rate = case when reporting_currency = ? then ?::numeric end,
                               rate_date = case when reporting_currency = ? then ?::date end,
                               conversion_tried_at = '-infinity', completeness = ?,
            """ + RefundColumns.SET + " where website_id = ? and transaction_id = ?";

    private Completion() {
    }

    /** In the caller's transaction, with the row locked. */
    static void complete(Connection connection, NewPayment p, Refunds refunds, Optional<BigDecimal> added)
            throws SQLException {
        Conversion conversion = p.conversion();
        try (PreparedStatement complete = connection.prepareStatement(COMPLETE)) {
            complete.setString(1, p.amount().toPlainString());
            complete.setString(2, p.currency());
            complete.setObject(3, utc(p.occurredAt()), Types.TIMESTAMP_WITH_TIMEZONE);
            complete.setBoolean(4, p.renewal());
            complete.setBoolean(5, p.freeTrial());
            setNullableString(complete, 6, p.customerEmail());
            setNullableString(complete, 7, p.customerName());
            setNullableString(complete, 8, p.customerId());
            setNullableString(complete, 9, p.visitorId());
            setNullableString(complete, 10, p.sessionId());
            for (int i = 0; i < 3; i++) {
                setNullableString(complete, 11 + 2 * i, conversion == null ? null : p.reportingCurrency());
            }
            setNullableString(complete, 12, conversion == null ? null : conversion.amount().toPlainString());
            setNullableString(complete, 14, conversion == null ? null : conversion.rate().toPlainString());
            setNullableString(complete, 16, conversion == null ? null : conversion.rateDate().toString());
            complete.setShort(17, p.completeness().level());
            int next = RefundColumns.bind(connection, complete, 18, refunds, added, p);
            complete.setString(next, p.websiteId());
            complete.setString(next + 1, p.transactionId());
            complete.executeUpdate();
        }
    }
}
