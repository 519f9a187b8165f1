package dev.payments.reliability;

import dev.payments.support.TcpGate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * A primary and its streaming standby, two new clusters of the installed PostgreSQL made with Debian's
 * pg_createcluster and pg_basebackup for a failover test, and dropped again by {@link #close}. Never the cluster the
 * other tests use: these are found by their names, and leftovers of an aborted run are dropped before new ones are
 * made. Needs root (pg_createcluster, and pg_basebackup as user postgres).
 */
final class ReplicatedClusters implements AutoCloseable {

    static final String VERSION = "15";
    static final String PRIMARY = "payments-failover-primary";
    static final String STANDBY = "payments-failover-standby";
    /** The standby's application_name, which synchronous_standby_names names. */
    static final String STANDBY_APPLICATION = "payments_failover_standby";
    static final String USER = "postgres";
    static final String PASSWORD = "postgres";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final PostgresCluster primary;
    private final PostgresCluster standby;
    private final boolean synchronous;

    private ReplicatedClusters(PostgresCluster primary, PostgresCluster standby, boolean synchronous) {
        this.primary = primary;
        this.standby = standby;
        this.synchronous = synchronous;
    }

    /** Both running, the standby streaming (and acknowledging every commit first when {@code synchronous}). */
    static ReplicatedClusters start(boolean synchronous) throws Exception {
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("the failover test makes PostgreSQL clusters of its own "
                    + "(pg_createcluster, pg_basebackup as user postgres): run it as root");
        }
        dropLeftovers();
        PostgresCluster primary = create(PRIMARY, "--start");
        ReplicatedClusters clusters = null;
        try {
            PgCommand.runAsPostgres("psql", "-h", "/var/run/postgresql", "-p", String.valueOf(primary.port()),
                    "-d", "postgres", "-c", "alter user " + USER + " password '" + PASSWORD + "'");
            PostgresCluster standby = create(STANDBY);
            clusters = new ReplicatedClusters(primary, standby, synchronous);
            clusters.copyPrimaryToStandby();
            standby.start();
            clusters.awaitReplication();
            return clusters;
        } catch (Exception | Error e) {
            if (clusters == null) {
                dropLeftovers();
            } else {
                clusters.close();
            }
            throw e;
        }
    }

    PostgresCluster primary() {
        return primary;
    }

    PostgresCluster standby() {
        return standby;
    }

    boolean synchronous() {
        return synchronous;
    }

    /** Both servers, the primary first; pgjdbc connects to whichever of them is the primary now. */
    String jdbcUrl(String schema) {
        return "jdbc:postgresql://localhost:" + primary.port() + ",localhost:" + standby.port()
                + "/postgres?targetServerType=primary&currentSchema=" + schema;
    }

    Connection connect(String schema) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(schema), USER, PASSWORD);
    }

    /** Copies both servers' logs, e.g. target/reliability/failover-sync-primary.log. */
    void copyLogs(Path directory, String prefix) throws IOException {
        primary.copyLogSince(0, directory.resolve(prefix + "-primary.log"));
        standby.copyLogSince(0, directory.resolve(prefix + "-standby.log"));
    }

    @Override
    public void close() {
        dropLeftovers();
    }

    @Override
    public String toString() {
        return (synchronous ? "synchronous" : "asynchronous") + " standby " + standby + " of " + primary;
    }

    private static PostgresCluster create(String name, String... options) {
        String port = String.valueOf(TcpGate.freePort());
        PgCommand.run(Stream.concat(Stream.of("pg_createcluster", VERSION, name, "-p", port), Stream.of(options))
                .toArray(String[]::new));
        return PostgresCluster.named(VERSION, name).orElseThrow(() -> new IllegalStateException(
                "pg_createcluster made " + name + ", yet pg_lsclusters does not list it"));
    }

    private static void dropLeftovers() {
        for (String name : List.of(STANDBY, PRIMARY)) {
            if (PostgresCluster.named(VERSION, name).isPresent()) {
                PgCommand.run("pg_dropcluster", "--stop", VERSION, name);
            }
        }
    }

    /** The standby's data directory replaced by a base backup of the primary, set up to stream from it (-R). */
    private void copyPrimaryToStandby() throws IOException {
        try (Stream<Path> files = Files.list(standby.dataDirectory())) {
            for (Path file : files.toList()) {
                PgCommand.run("rm", "-rf", file.toString());
            }
        }
        PgCommand.runAsPostgres("pg_basebackup", "-h", "/var/run/postgresql", "-p", String.valueOf(primary.port()),
                "-D", standby.dataDirectory().toString(), "-R", "-X", "stream", "-c", "fast",
                "-d", "application_name=" + STANDBY_APPLICATION);
    }

    /**
     * Waits for the standby to stream; when synchronous, only then makes the primary wait for it at each commit, so
     * that nothing before (the password) waited for a standby not yet there.
     */
    private void awaitReplication() throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + primary.port()
                + "/postgres", USER, PASSWORD); Statement statement = db.createStatement()) {
            if (synchronous) {
                statement.execute("alter system set synchronous_standby_names = '\"" + STANDBY_APPLICATION + "\"'");
                statement.execute("alter system set synchronous_commit = on");
                statement.execute("select pg_reload_conf()");
            }
            String expected = synchronous ? "sync" : "async";
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!expected.equals(syncState(statement))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(standby + " is not a streaming " + expected + " standby of "
                            + primary + " after " + PATIENCE.toSeconds() + " s");
                }
                Thread.sleep(100);
            }
        }
    }

    private static String syncState(Statement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery("select sync_state from pg_stat_replication where application_name"
                + " = '" + STANDBY_APPLICATION + "' and state = 'streaming'")) {
            return row.next() ? row.getString(1) : "not streaming";
        }
    }
}
