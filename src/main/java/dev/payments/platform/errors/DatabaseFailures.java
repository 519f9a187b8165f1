package dev.payments.platform.errors;

import jakarta.transaction.RollbackException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Predicate;

/** Tells database failures that are not bugs apart: the database out of reach (503), a lost uniqueness race (409). */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    public static boolean isUnavailable(Throwable failure) {
        return anyCause(failure, t -> t instanceof SQLTransientConnectionException || t instanceof ConnectException
                || t instanceof org.hibernate.exception.JDBCConnectionException
                || t instanceof SQLException sql && isUnavailableState(sql));
    }

    /** No pool connection came free within the acquisition timeout: the pool, not the database, ran out. */
    public static boolean isPoolExhausted(Throwable failure) {
        return anyCause(failure, t -> t instanceof SQLException sql && sql.getSQLState() == null
                && sql.getMessage() != null && sql.getMessage().contains("acquisition timeout"));
    }

    /** A unique constraint lost to a concurrent request (e.g. two websites created with one domain at once). */
    public static boolean isUniqueViolation(Throwable failure) {
        return hasState(failure, "23505");
    }

    /** A lock the statement waited for longer than its lock_timeout: another transaction holds it. */
    public static boolean isLockTimeout(Throwable failure) {
        return hasState(failure, "55P03");
    }

    /** A statement cancelled by its statement_timeout. */
    public static boolean isStatementTimeout(Throwable failure) {
        return hasState(failure, "57014");
    }

    private static boolean hasState(Throwable failure, String sqlState) {
        return anyCause(failure, t -> t instanceof SQLException sql && sqlState.equals(sql.getSQLState()));
    }

    /**
     * The innermost cause's message: what the driver said, without the layers of wrapping; its class where it says
     * nothing (a connection cut mid-answer is an EOFException without a message).
     */
    public static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getName();
    }

    /**
     * Also searches why a commit failed: the transaction manager's RollbackException has no cause, the driver's
     * failure (e.g. the connection lost during the commit) is among its suppressed exceptions.
     */
    private static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (test.test(t)) {
                return true;
            }
            if (t instanceof RollbackException) {
                for (Throwable suppressed : t.getSuppressed()) {
                    if (anyCause(suppressed, test)) {
                        return true;
                    }
                }
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
        // 08: connection exceptions; 28: credentials refused; 3D000: no such database (yet); 53: server out of
        // resources (e.g. too many connections); 57P01-57P03: server shutting down or not yet accepting connections;
        // 57014: statement cancelled by statement_timeout (the database is too slow or a lock is held too long);
        // 40001: on a standby, a report cancelled by a conflict with replay (nothing here runs serializable)
        return state.startsWith("08") || state.startsWith("28") || state.equals("3D000") || state.startsWith("53")
                || state.startsWith("57P") || state.equals("57014") || state.equals("40001");
    }
}
