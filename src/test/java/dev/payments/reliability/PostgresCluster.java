package dev.payments.reliability;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local PostgreSQL cluster serving a JDBC URL, controlled with Debian's pg_ctlcluster (as root or its owner) so
 * that a test can crash it and start it again. Every failure to control it is an {@link IllegalStateException} that
 * says why.
 */
final class PostgresCluster {

    private static final Pattern URL = Pattern.compile("jdbc:postgresql://(\\[[^]]+]|[^:/?]+)(?::(\\d+))?/.*");
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    private final String version;
    private final String name;
    private final String host;
    private final int port;
    private final Path dataDirectory;
    private final Path log;

    private PostgresCluster(String version, String name, String host, int port, Path dataDirectory, Path log) {
        this.version = version;
        this.name = name;
        this.host = host;
        this.port = port;
        this.dataDirectory = dataDirectory;
        this.log = log;
    }

    static PostgresCluster serving(String jdbcUrl) {
        Matcher url = URL.matcher(jdbcUrl);
        if (!url.matches()) {
            throw new IllegalStateException("cannot control PostgreSQL: " + jdbcUrl + " is not jdbc:postgresql://host[:port]/...");
        }
        String host = url.group(1);
        if (!LOCAL_HOSTS.contains(host)) {
            throw new IllegalStateException("cannot control PostgreSQL: the test database at " + host
                    + " is not on this machine");
        }
        int port = url.group(2) == null ? 5432 : Integer.parseInt(url.group(2));
        String portField = String.valueOf(port);
        return listed(fields -> fields[2].equals(portField), host.replaceAll("[\\[\\]]", ""))
                .orElseThrow(() -> new IllegalStateException("cannot control PostgreSQL: pg_lsclusters lists no "
                        + "cluster on port " + port));
    }

    /** The cluster of the installed version with the name, if pg_lsclusters lists it. */
    static Optional<PostgresCluster> named(String version, String name) {
        return listed(fields -> fields[0].equals(version) && fields[1].equals(name), "localhost");
    }

    private static Optional<PostgresCluster> listed(Predicate<String[]> which, String host) {
        for (String line : PgCommand.run("pg_lsclusters", "-h").split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length >= 7 && which.test(fields)) {
                return Optional.of(new PostgresCluster(fields[0], fields[1], host, Integer.parseInt(fields[2]),
                        Path.of(fields[5]), Path.of(fields[6])));
            }
        }
        return Optional.empty();
    }

    /** Stops the cluster in immediate mode: every server process quits at once, as in a crash. */
    void crash() {
        PgCommand.run("pg_ctlcluster", "--skip-systemctl-redirect", version, name, "stop", "-m", "immediate");
    }

    /** Starts the cluster (replaying its WAL after a crash) and returns once it has started. */
    void start() {
        PgCommand.run("pg_ctlcluster", "--skip-systemctl-redirect", version, name, "start");
    }

    /** Ends a standby's recovery: it becomes a primary, and returns once it is one. */
    void promote() {
        PgCommand.run("pg_ctlcluster", "--skip-systemctl-redirect", version, name, "promote");
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    String version() {
        return version;
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    boolean acceptsConnections() {
        return PgCommand.succeeds(List.of("pg_isready", "-q", "-h", host, "-p", String.valueOf(port), "-U", "postgres",
                "-d", "postgres"));
    }

    /** How long the server's log is now: {@link #copyLogSince} copies what it writes from then on. */
    long logLength() throws IOException {
        return Files.size(log);
    }

    void copyLogSince(long length, Path copy) throws IOException {
        try (SeekableByteChannel server = Files.newByteChannel(log)) {
            server.position(Math.min(length, server.size()));
            Files.createDirectories(copy.getParent());
            Files.copy(Channels.newInputStream(server), copy, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public String toString() {
        return version + "/" + name + " (port " + port + ")";
    }
}
