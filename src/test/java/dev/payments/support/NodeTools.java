package dev.payments.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(directory.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(PATIENCE.toMinutes(), TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish within " + PATIENCE);
        }
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static void requireNpm() throws InterruptedException {
        boolean present;
        try {
            present = new ProcessBuilder("npm", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            present = false;
        }
        if (!present && "true".equals(System.getenv("REQUIRE_NODE_TOOLS"))) {
            throw new IllegalStateException("npm is missing, and REQUIRE_NODE_TOOLS=true: install nodejs and npm");
        }
        assumeTrue(present, "skipped: npm is missing (install nodejs and npm, or set REQUIRE_NODE_TOOLS=true to fail)");
    }
}
