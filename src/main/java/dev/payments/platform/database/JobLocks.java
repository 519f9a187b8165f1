package dev.payments.platform.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/**
 * One instance at a time for each background job, across every instance on the database: a job runs while its
 * instance holds the job's PostgreSQL advisory lock, on a connection of its own that never goes back to a pool, so the
 * lock ends with the job, or with the connection of an instance that crashed, and another instance takes the job up.
 */
@ApplicationScoped
public class JobLocks {

    /** Each job's lock; the keys only need to differ from one another and from other applications' on the database. */
    public enum Job {
        RATES(0x7061_796d_0001L), CONVERSIONS(0x7061_796d_0002L), LAST_USED_FLUSH(0x7061_796d_0003L),
        RATE_LIMIT_CLEANUP(0x7061_796d_0004L), RATE_HISTORY(0x7061_796d_0005L),
        WEBHOOK_PRUNING(0x7061_796d_0006L);

        private final long key;

        Job(long key) {
            this.key = key;
        }

        /** For pg_advisory_xact_lock, held by a transaction of the job's own. */
        public long key() {
            return key;
        }
    }

    /** An attempt at a job's lock: closing it ends its session, and the lock with it if it was acquired. */
    public static final class Attempt implements AutoCloseable {

        private final Connection connection;
        private final boolean acquired;

        private Attempt(Connection connection, boolean acquired) {
            this.connection = connection;
            this.acquired = acquired;
        }

        /** False: another instance holds the lock now, and does the job. */
        public boolean acquired() {
            return acquired;
        }

        @Override
        public void close() {
            try {
                connection.close();
            } catch (SQLException e) {
                // the session ends either way, and its locks with it
            }
        }
    }

    @Inject
    DirectConnections connections;

    public Attempt attempt(Job job) throws SQLException {
        Connection connection = connections.open("job " + job.name().toLowerCase(Locale.ROOT));
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            lock.setLong(1, job.key());
            try (ResultSet acquired = lock.executeQuery()) {
                acquired.next();
                return new Attempt(connection, acquired.getBoolean(1));
            }
        } catch (SQLException | RuntimeException e) {
            new Attempt(connection, false).close();
            throw e;
        }
    }
}
