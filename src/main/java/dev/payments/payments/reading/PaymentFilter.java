package dev.payments.payments.reading;

import dev.payments.platform.errors.ApiException;
import dev.payments.platform.http.WireText;
import java.util.List;

/** Which payments a read or delete is about; null members do not filter. */
public record PaymentFilter(String transactionId, String visitorId, String customerId, TimeRange range) {

    public PaymentFilter {
        requireText(transactionId, "transaction_id");
        requireText(visitorId, "datafast_visitor_id");
        requireText(customerId, "customer_id");
    }

    /** With U+0000 in it, the query would fail (a 500). */
    private static void requireText(String value, String parameter) {
        if (value != null && !WireText.isValid(value)) {
            throw ApiException.badRequest(parameter + " " + WireText.MESSAGE, parameter);
        }
    }

    /** Adds this filter's conditions, as SQL over the payment table, to a where clause, and their values. */
    public void appendTo(StringBuilder where, List<Object> values) {
        condition(where, values, "transaction_id = ?", transactionId);
        condition(where, values, "visitor_id = ?", visitorId);
        condition(where, values, "customer_id = ?", customerId);
        condition(where, values, "occurred_at >= ?", range.start());
        condition(where, values, "occurred_at <= ?", range.end());
    }

    private static void condition(StringBuilder where, List<Object> values, String condition, Object value) {
        if (value != null) {
            where.append(" and ").append(condition);
            values.add(value);
        }
    }
}
