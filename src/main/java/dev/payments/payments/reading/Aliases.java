package dev.payments.payments.reading;

import dev.payments.platform.errors.ApiException;

/** DataFast accepts several fields and parameters under two names (email/customer_email, tx_id/transaction_id...). */
public final class Aliases {

    private Aliases() {
    }

    /** The value given under either name; both given and different is a contradiction, hence a 400. */
    public static String pick(String value, String name, String aliasValue, String alias) {
        if (value != null && aliasValue != null && !value.equals(aliasValue)) {
            throw ApiException.badRequest(name + " and " + alias + " are aliases but differ", name, alias);
        }
        return value != null ? value : aliasValue;
    }
}
