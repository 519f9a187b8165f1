package dev.payments.reliability;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A statement of the test's own, straight to the database, its parameters bound in order. */
final class Sql {

    private Sql() {
    }

    /** The first column of the first row: a count. */
    static long count(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement query = prepare(db, sql, parameters); ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    static void execute(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(db, sql, parameters)) {
            statement.execute();
        }
    }

    private static PreparedStatement prepare(Connection db, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = db.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
