package dev.payments.reliability;

import dev.payments.support.TcpGate;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * One more instance of the packaged application (the jar, or the native executable when that is what was built), on a
 * port of its own, with the test profile and the given settings: another instance of the service on the same database,
 * as a serverless platform would scale it out. Its log goes to target/instance-PORT.log.
 */
final class Instance implements AutoCloseable {

    private static final Path TARGET = Path.of("target");
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(15);

    private final Process process;
    private final int port;
    private final Path log;

    private Instance(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Started, not yet ready: see {@link #awaitReady}. */
    static Instance start(Map<String, String> settings) throws IOException {
        int port = TcpGate.freePort();
        Path log = TARGET.resolve("instance-" + port + ".log");
        List<String> options = new ArrayList<>();
        options.add("-Dquarkus.profile=test");
        options.add("-Dquarkus.http.port=" + port);
        // a second instance never empties the database the first one uses
        options.add("-Dquarkus.flyway.clean-at-start=false");
        settings.forEach((name, value) -> options.add("-D" + name + "=" + value));
        Process process = new ProcessBuilder(command(options)).redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
        return new Instance(process, port, log);
    }

    int port() {
        return port;
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** Waits until /q/health/ready answers 200; fails if it does not within the patience, or the process ends. */
    Instance awaitReady(Duration patience) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("instance on port " + port + " ended; see " + log);
            }
            try {
                HttpRequest ready = HttpRequest.newBuilder(uri("/q/health/ready")).timeout(Duration.ofSeconds(5))
                        .build();
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("instance on port " + port + " not ready after " + patience.toSeconds()
                + " s; see " + log);
    }

    List<String> logLines() throws IOException {
        return Files.readAllLines(log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** The built artifact, as Quarkus records it for its own integration tests, with the system properties. */
    private static List<String> command(List<String> options) throws IOException {
        Properties artifact = artifact();
        String path = TARGET.resolve(artifact.getProperty("path")).toAbsolutePath().toString();
        List<String> command = new ArrayList<>();
        if (isNative()) {
            command.add(path);
            command.addAll(options);
        } else {
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.addAll(options);
            command.add("-jar");
            command.add(path);
        }
        return command;
    }

    private static boolean isNative() throws IOException {
        return "native".equals(artifact().getProperty("type"));
    }

    private static Properties artifact() throws IOException {
        Properties artifact = new Properties();
        try (InputStream in = Files.newInputStream(TARGET.resolve("quarkus-artifact.properties"))) {
            artifact.load(in);
        }
        return artifact;
    }
}
