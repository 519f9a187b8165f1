package dev.payments.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.StringJoiner;
import org.eclipse.microprofile.config.Config;

/**
 * The test's own write, straight to PostgreSQL and not through the service: a transaction that takes a transaction id
 * and commits, so that PostgreSQL writes and flushes a commit record as it does for a payment. It tells when the
 * database itself accepts writes again after an outage, and how long a commit takes it: the service cannot be asked to
 * do better than that.
 */
final class WriteProbe {

    /** Each attempt's own bound: a commit slower than this is not counted as the database being back. */
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration PAUSE = Duration.ofMillis(50);

    /**
     * A commit PostgreSQL accepted: when it returned (System.nanoTime()), how long it took, and the client connections
     * the server had then, by state.
     */
    record Commit(long atNanos, Duration took, String connections) {
    }

    private final String jdbcUrl;
    private final Properties login = new Properties();

    WriteProbe(Config config) {
        this(postgresUrl(config), config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    WriteProbe(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        login.setProperty("user", user);
        login.setProperty("password", password);
        String seconds = String.valueOf(ATTEMPT_TIMEOUT.toSeconds());
        login.setProperty("connectTimeout", seconds);
        login.setProperty("loginTimeout", seconds);
        login.setProperty("socketTimeout", seconds);
    }

    /**
     * PostgreSQL itself: the service's direct URL (payments.database.direct-jdbc-url) when it has one, which it has
     * when its datasource URL is a pooler's (PgBouncer), else the datasource URL.
     */
    static String postgresUrl(Config config) {
        return config.getOptionalValue("payments.database.direct-jdbc-url", String.class)
                .orElseGet(() -> config.getValue("quarkus.datasource.jdbc.url", String.class));
    }

    /** One write on a new connection, to PostgreSQL itself (not through a pooler); fails as the database does. */
    Commit commit() throws SQLException {
        long start = System.nanoTime();
        try (Connection db = DriverManager.getConnection(jdbcUrl, login); Statement statement = db.createStatement()) {
            db.setAutoCommit(false);
            statement.execute("select txid_current()");
            db.commit();
            long end = System.nanoTime();
            return new Commit(end, Duration.ofNanos(end - start), connections(statement));
        }
    }

    private static String connections(Statement statement) throws SQLException {
        StringJoiner states = new StringJoiner(", ", "client connections: ", "");
        try (ResultSet rows = statement.executeQuery("select coalesce(state, '?'), count(*) from pg_stat_activity"
                + " where backend_type = 'client backend' group by 1 order by 2 desc")) {
            while (rows.next()) {
                states.add(rows.getString(1) + " " + rows.getInt(2));
            }
        }
        return states.toString();
    }

    /** The first write the database accepts, tried again and again until {@code patience} runs out. */
    Commit awaitCommit(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            try {
                return commit();
            } catch (SQLException e) {
                last = e;
                Thread.sleep(PAUSE.toMillis());
            }
        }
        throw new AssertionError("PostgreSQL accepted no write within " + patience.toSeconds() + " s: " + last, last);
    }
}
