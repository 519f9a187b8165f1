package dev.payments.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Who waits for whose lock, read from PostgreSQL (pg_stat_activity): how a test sees that a statement has started and
 * is blocked, rather than sleeping and hoping it has.
 */
public final class LockWaits {

    private LockWaits() {
    }

    public static int backendPid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select pg_backend_pid()")) {
            row.next();
            return row.getInt(1);
        }
    }

    /** The sessions whose statement waits for a lock the session {@code pid} holds. */
    public static List<Integer> blockedBy(DataSource dataSource, int pid) {
        return blockedBy(dataSource, pid, "");
    }

    /** The same, of the statements that contain the text. */
    public static List<Integer> blockedBy(DataSource dataSource, int pid, String statement) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("""
                        select pid from pg_stat_activity
                        where ? = any(pg_blocking_pids(pid)) and query like '%' || ? || '%'""")) {
            query.setInt(1, pid);
            query.setString(2, statement);
            try (ResultSet rows = query.executeQuery()) {
                List<Integer> pids = new ArrayList<>();
                while (rows.next()) {
                    pids.add(rows.getInt(1));
                }
                return pids;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
