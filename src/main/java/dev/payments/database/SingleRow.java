package dev.payments.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The lookups a cold start's first requests make (a key, a token, a website), read with JDBC: no Hibernate query or
 * loader to set up on their way (the first HQL statement alone initialises Hibernate's parser, some 35 ms of CPU on a
 * cold JVM). A database failure is raised unchecked, with the driver's exception as its cause, for the error mappers.
 */
public final class SingleRow {

    private SingleRow() {
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface Mapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** The row {@code sql} selects by its one parameter, {@code key}, if there is one. */
    public static <T> Optional<T> find(DataSource dataSource, String sql, String key, Mapper<T> mapper) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(mapper.map(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read a row: " + e.getMessage(), e);
        }
    }
}
