package dev.payments.errors;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Tells a database that cannot be reached (or is shutting down) apart from a bug: the former is a 503. */
final class DatabaseFailures {

    private DatabaseFailures() {
    }

    static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof ConnectException
                    || t instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && isUnavailableState(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUnavailableState(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            // Agroal reports an exhausted pool without a SQL state
            return e.getMessage() != null && e.getMessage().contains("acquisition timeout");
        }
        // 08: connection exceptions; 57P01-57P03: server shutting down or not yet accepting connections
        return state.startsWith("08") || state.startsWith("57P");
    }
}
