package dev.payments.reliability;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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
    private static final long COMMAND_TIMEOUT_SECONDS = 120;

    private final String version;
    private final String name;
    private final String host;
    private final int port;
    private final Path log;

    private PostgresCluster(String version, String name, String host, int port, Path log) {
        this.version = version;
        this.name = name;
        this.host = host;
        this.port = port;
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
        String clusters = run("pg_lsclusters", "-h");
        for (String line : clusters.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length >= 7 && fields[2].equals(String.valueOf(port))) {
                return new PostgresCluster(fields[0], fields[1], host.replaceAll("[\\[\\]]", ""), port,
                        Path.of(fields[6]));
            }
        }
        throw new IllegalStateException("cannot control PostgreSQL: pg_lsclusters lists no cluster on port " + port
                + ":\n" + clusters);
    }

    /** Stops the cluster in immediate mode: every server process quits at once, as in a crash. */
    void crash() {
        run("pg_ctlcluster", "--skip-systemctl-redirect", version, name, "stop", "-m", "immediate");
    }

    /** Starts the cluster (replaying its WAL after a crash) and returns once it has started. */
    void start() {
        run("pg_ctlcluster", "--skip-systemctl-redirect", version, name, "start");
    }

    boolean acceptsConnections() {
        return exitCode(List.of("pg_isready", "-q", "-h", host, "-p", String.valueOf(port), "-U", "postgres",
                "-d", "postgres")) == 0;
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

    /** The output goes to a file, not a pipe: a server started by the command could hold a pipe open forever. */
    private static String run(String... command) {
        Path output = null;
        try {
            output = Files.createTempFile("pg-control", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish");
            }
            String text = Files.readString(output);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue()
                        + "; it needs root or the cluster's owner): " + text.strip());
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command[0] + " (Debian's postgresql-common): "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(String.join(" ", command) + " interrupted", e);
        } finally {
            deleteQuietly(output);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.delete(file);
            }
        } catch (IOException e) {
            // a leftover temporary file does no harm
        }
    }

    private static int exitCode(List<String> command) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(command.get(0) + " interrupted", e);
        }
    }
}
