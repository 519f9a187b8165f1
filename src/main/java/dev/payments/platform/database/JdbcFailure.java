package dev.payments.platform.database;

import java.sql.SQLException;

/** A statement {@link Jdbc} ran failed: unchecked, with the driver's exception as its cause and its message. */
public class JdbcFailure extends IllegalStateException {

    JdbcFailure(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    /** The driver's SQLSTATE: what failed, for the few callers that decide by it. */
    public String sqlState() {
        return ((SQLException) getCause()).getSQLState();
    }
}
