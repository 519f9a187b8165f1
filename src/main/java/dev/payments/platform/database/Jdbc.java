package dev.payments.platform.database;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The one way to the database in plain SQL: the request path's lookups and writes, reads, reports and jobs. Every
 * connection comes from {@link PooledConnections}, so a virtual thread never holds a carrier while the pool grows (and
 * takes no part in a JTA transaction: the create routes open none); on any other thread that is the pool itself, whose
 * connection takes part in the caller's JTA transaction if there is one (a statement here then commits or rolls back
 * with the caller's Panache changes).
 *
 * <p>Plain JDBC rather than Hibernate also for the lookups a cold start's first requests make (a key, a token, a
 * website): no Hibernate query or loader to set up on their way (the first HQL statement alone initialises Hibernate's
 * parser, some 35 ms of CPU on a cold JVM).
 *
 * <p>A database failure is raised unchecked, a {@link JdbcFailure} with the driver's exception as its cause, for the
 * error mappers ({@code DatabaseFailures} looks through the causes).
 */
@ApplicationScoped
public class Jdbc {

    /** Sets a statement's parameters. */
    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Several statements on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final PooledConnections connections;

    Jdbc(PooledConnections connections) {
        this.connections = connections;
    }

    /** Binds the values in order, as {@link SqlParameters} does. */
    public static Binder values(Object... values) {
        List<Object> list = Arrays.asList(values);
        return statement -> SqlParameters.bind(statement, list);
    }

    public <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) {
        return onConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                binder.bind(select);
                List<T> rows = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        rows.add(mapper.map(row));
                    }
                }
                return rows;
            }
        });
    }

    /** The first row the statement selects, if there is one. */
    public <T> Optional<T> single(String sql, Binder binder, RowMapper<T> mapper) {
        return onConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                binder.bind(select);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(mapper.map(row)) : Optional.empty();
                }
            }
        });
    }

    /** How many rows the statement changed. */
    public int update(String sql, Binder binder) {
        return onConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                binder.bind(statement);
                return statement.executeUpdate();
            }
        });
    }

    /** On one connection, each statement committed as it runs (or with the caller's JTA transaction). */
    public <T> T onConnection(Work<T> work) {
        try (Connection connection = connections.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new JdbcFailure(e);
        }
    }

    /**
     * In one transaction of the connection's own, committed when the work returns and rolled back when it fails: not
     * for a caller inside a JTA transaction.
     */
    public <T> T inTransaction(Work<T> work) {
        return onConnection(connection -> {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollBack(connection, e);
                throw e;
            }
        });
    }

    /** For a library that takes a DataSource (Bucket4j's buckets): the connections every statement here uses. */
    public DataSource dataSource() {
        return connections;
    }

    private static void rollBack(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e); // the connection goes back to the pool, which discards a broken one
        }
    }
}
