package dev.payments.payments.reading;

import dev.payments.platform.errors.ApiException;

/** A page request of GET /api/v1/payments. */
public record PaymentQuery(PaymentFilter filter, int limit, Cursor cursor) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 100;

    public static PaymentQuery of(PaymentFilter filter, String limit, String cursor) {
        return new PaymentQuery(filter, parseLimit(limit), cursor == null ? null : Cursor.decode(cursor));
    }

    private static int parseLimit(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.trim());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below like any other out-of-range value
        }
        throw ApiException.badRequest("limit must be a whole number from 1 to " + MAX_LIMIT, "limit");
    }
}
