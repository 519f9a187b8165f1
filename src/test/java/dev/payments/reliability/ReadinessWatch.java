package dev.payments.reliability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Polls the readiness endpoint on a thread of its own and keeps every change of its answer, with when it came. */
final class ReadinessWatch implements AutoCloseable {

    private static final Duration INTERVAL = Duration.ofMillis(200);

    /**
     * {@code state}: UP (200), DOWN (503, or no answer within the timeout), another status code, or the failure of the
     * request.
     */
    record Change(long atNanos, String state) {
    }

    private final HttpClient client;
    private final HttpRequest request;
    private final List<Change> changes = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    ReadinessWatch(HttpClient client, URI base, Duration timeout) {
        this.client = client;
        this.request = HttpRequest.newBuilder(base.resolve("/q/health/ready")).timeout(timeout).build();
        this.thread = new Thread(this::poll, "readiness-watch");
        thread.start();
    }

    /** Whether readiness went DOWN at or after the instant, and UP again after that. */
    synchronized boolean wentDownAndUpAfter(long nanos) {
        Long down = null;
        for (Change change : changes) {
            if (down == null && change.atNanos() >= nanos && change.state().startsWith("DOWN")) {
                down = change.atNanos();
            } else if (down != null && change.state().equals("UP")) {
                return true;
            }
        }
        return false;
    }

    /** Whether the last answer was UP. */
    synchronized boolean up() {
        return !changes.isEmpty() && changes.getLast().state().equals("UP");
    }

    /** When readiness went DOWN after {@code failedAt}, and UP after {@code backAt}, in seconds from each. */
    synchronized String downAndUp(long failedAt, long backAt) {
        String down = changes.stream().filter(c -> c.atNanos() >= failedAt && c.state().startsWith("DOWN")).findFirst()
                .map(c -> String.format("DOWN %.1f s after the failure", (c.atNanos() - failedAt) / 1e9))
                .orElse("never DOWN");
        String up = changes.stream().filter(c -> c.atNanos() >= backAt && c.state().equals("UP")).findFirst()
                .map(c -> String.format("UP %.1f s after the database's return", (c.atNanos() - backAt) / 1e9))
                .orElse("not UP again");
        return down + ", " + up;
    }

    synchronized List<Change> changes() {
        return List.copyOf(changes);
    }

    private void poll() {
        String last = null;
        while (running) {
            String state = state();
            if (!state.equals(last)) {
                synchronized (this) {
                    changes.add(new Change(System.nanoTime(), state));
                }
                last = state;
            }
            try {
                Thread.sleep(INTERVAL.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private String state() {
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 200 ? "UP" : status == 503 ? "DOWN" : "HTTP " + status;
        } catch (HttpTimeoutException e) {
            return "DOWN (no answer within the timeout)"; // as a probe with that timeout counts it
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }
}
