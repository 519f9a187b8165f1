package dev.payments.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A command of PostgreSQL's or Debian's postgresql-common (pg_ctlcluster, pg_createcluster, pg_basebackup...), run to
 * its end. Every failure is an {@link IllegalStateException} that says why.
 */
final class PgCommand {

    private static final long TIMEOUT_SECONDS = 120;

    private PgCommand() {
    }

    /**
     * Its output; fails unless it exits with 0. The output goes to a file, not a pipe: a server started by the command
     * could hold a pipe open forever.
     */
    static String run(String... command) {
        Path output = null;
        try {
            output = Files.createTempFile("pg-control", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
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

    /** As user postgres, which owns the clusters' files and may connect over their sockets. */
    static String runAsPostgres(String... command) {
        String[] asPostgres = new String[command.length + 4];
        asPostgres[0] = "runuser";
        asPostgres[1] = "-u";
        asPostgres[2] = "postgres";
        asPostgres[3] = "--";
        System.arraycopy(command, 0, asPostgres, 4, command.length);
        return run(asPostgres);
    }

    static boolean succeeds(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(command.get(0) + " interrupted", e);
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
}
