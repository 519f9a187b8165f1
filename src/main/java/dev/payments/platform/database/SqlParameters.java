package dev.payments.platform.database;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Binds a statement's values, in order: instants as timestamptz at UTC, anything else as the driver maps it. */
public final class SqlParameters {

    private SqlParameters() {
    }

    public static void bind(PreparedStatement statement, List<Object> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value instanceof Instant at) {
                statement.setObject(i + 1, at.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }
}
