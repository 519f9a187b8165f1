package dev.payments.payments.writing;

import static dev.payments.payments.writing.PaymentWriter.setNullableString;
import static dev.payments.payments.writing.PaymentWriter.utc;

import dev.payments.currency.Conversion;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;

/** Restates a stored payment's own fields from a request that knows more of it ({@link Completeness}). */
final class Completion {

    /**
     * A request of higher {@link Completeness} restates the payment's own fields: its customer fields where it has
     * them; and changes what a merge changes ({@link PaymentRules#CHANGES}), the refund against the restated amount.
     * A conversion made for another currency than the row's leaves the payment pending again.
     */
    private static final String COMPLETE = """
            update payment set amount = ?::numeric, currency = ?, occurred_at = ?, renewal = ?, free_trial = ?,
                               customer_email = coalesce(?, customer_email), customer_name = coalesce(?, customer_name),
                               customer_id = coalesce(?, customer_id),
                               (reporting_amount, reporting_rate, rate_date) = (%s),
                               conversion_tried_at = '-infinity', completeness = ?, %s
            where %s""".formatted(
            PaymentRules.conversionKept("reporting_currency", "?", "?::numeric", "?::numeric", "?::date"),
            PaymentRules.CHANGES, PaymentRules.ROW);

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
            for (int i = 0; i < 3; i++) {
                setNullableString(complete, 9 + 2 * i, conversion == null ? null : p.reportingCurrency());
            }
            setNullableString(complete, 10, conversion == null ? null : conversion.amount().toPlainString());
            setNullableString(complete, 12, conversion == null ? null : conversion.rate().toPlainString());
            setNullableString(complete, 14, conversion == null ? null : conversion.rateDate().toString());
            complete.setShort(15, p.completeness().level());
            int next = PaymentRules.bindChanges(connection, complete, 16, refunds, added, p);
            PaymentRules.bindRow(complete, next, p);
            complete.executeUpdate();
        }
    }
}
