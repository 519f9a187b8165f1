package dev.payments.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the npm-registry tools some suites use (the OpenAPI linter, the typed client example). Without Node.js and npm
 * such a suite is skipped with a message, unless REQUIRE_NODE_TOOLS=true (as .ci/run sets, after installing them),
 * which makes it fail instead.
 */
public final class NodeTools {

    private static final Duration PATIENCE = Duration.ofMinutes(5);

    /** A finished command: its exit code and everything it printed. */
    public record Run(int exitCode, String output) {
    }

    private NodeTools() {
    }

    public static Run run(Path directory, Map<String, String> environment, String... command)
            throws IOException, InterruptedException {
        requireNpm();
        return run(PATIENCE, directory, environment, command);
    }

    /**
     * Stops the command, and whatever it started, once it has run for longer than the patience, and then fails with
     * what it printed. The output goes to a file: read from a pipe, it would hold this thread until the command ends.
     */
    static Run run(Duration patience, Path directory, Map<String, String> environment, String... command)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile("node-tools-", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + patience
                        + "; it printed:\n" + read(output));
            }
            return new Run(process.exitValue(), read(output));
        } finally {
            Files.delete(output);
        }
    }

    private static String read(Path output) throws IOException {
        return new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
    }

    private static void requireNpm() throws InterruptedException {
        boolean present;
        try {
            present = run(Duration.ofMinutes(1), Path.of("."), Map.of(), "npm", "--version").exitCode() == 0;
        } catch (IOException e) {
            present = false;
        }
        if (!present && "true".equals(System.getenv("REQUIRE_NODE_TOOLS"))) {
            throw new IllegalStateException("npm is missing, and REQUIRE_NODE_TOOLS=true: install nodejs and npm");
        }
        assumeTrue(present, "skipped: npm is missing (install nodejs and npm, or set REQUIRE_NODE_TOOLS=true to fail)");
    }
}
