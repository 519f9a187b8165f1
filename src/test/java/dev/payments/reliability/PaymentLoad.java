package dev.payments.reliability;

import dev.payments.support.Fixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Client threads that post payments, each with a new transaction id, one after the other until stopped; every attempt
 * is kept. After a failed attempt a client pauses briefly, as a client honouring Retry-After would, so an outage does
 * not turn into a busy loop of instant 503s.
 */
final class PaymentLoad implements AutoCloseable {

    private static final Duration PAUSE_AFTER_FAILURE = Duration.ofMillis(100);

    /**
     * One request: {@code status} 0 and a {@code failure} when no HTTP response came (timeout, connection lost).
     * Times are System.nanoTime(); {@code requestId} is the service's X-Request-Id, which its log lines carry.
     */
    record Attempt(String transactionId, long startNanos, long endNanos, int status, String body, String retryAfter,
            String requestId, String failure) {

        long millis() {
            return Duration.ofNanos(endNanos - startNanos).toMillis();
        }
    }

    private final HttpClient client;
    /** Each client posts to one of them, in turn: one instance of the service each, or the only one. */
    private final List<URI> endpoints;
    private final String apiKey;
    private final Duration timeout;
    private final ExecutorService clients;
    private final List<Future<List<Attempt>>> running = new ArrayList<>();
    private volatile boolean stopping;

    PaymentLoad(HttpClient client, URI base, String apiKey, int clientCount, Duration timeout) {
        this(client, List.of(base), apiKey, clientCount, timeout);
    }

    PaymentLoad(HttpClient client, List<URI> bases, String apiKey, int clientCount, Duration timeout) {
        this.client = client;
        this.endpoints = bases.stream().map(base -> base.resolve("/api/v1/payments")).toList();
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.clients = Executors.newFixedThreadPool(clientCount);
        for (int i = 0; i < clientCount; i++) {
            URI endpoint = endpoints.get(i % endpoints.size());
            running.add(clients.submit(() -> postUntilStopped(endpoint)));
        }
    }

    /** Stops the clients once their current requests are answered; returns every attempt. */
    List<Attempt> stop() throws Exception {
        stopping = true;
        List<Attempt> attempts = new ArrayList<>();
        for (Future<List<Attempt>> client : running) {
            attempts.addAll(client.get());
        }
        return attempts;
    }

    /** The attempts made until a failure, for the timeline; none if even stopping fails. */
    List<Attempt> stopAfter(Throwable failure) {
        try {
            return stop();
        } catch (Exception e) {
            failure.addSuppressed(e);
            return List.of();
        }
    }

    /** Posts each of the transactions once more, concurrently, on the same clients. */
    List<Attempt> retry(List<String> transactionIds) throws Exception {
        List<Future<Attempt>> retries = new ArrayList<>();
        for (int i = 0; i < transactionIds.size(); i++) {
            URI endpoint = endpoints.get(i % endpoints.size());
            String transactionId = transactionIds.get(i);
            retries.add(clients.submit(() -> post(endpoint, apiKey, transactionId)));
        }
        List<Attempt> attempts = new ArrayList<>();
        for (Future<Attempt> retry : retries) {
            attempts.add(retry.get());
        }
        return attempts;
    }

    /**
     * One new payment of the website with each dft_ token, all sent at once, each on a thread of its own; returns once
     * all are answered.
     */
    List<Attempt> postOnceWithEach(List<String> tokens, String websiteId) throws Exception {
        URI target = URI.create(endpoints.getFirst() + "?websiteId=" + websiteId);
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Attempt>> sent = new ArrayList<>();
            for (String token : tokens) {
                sent.add(senders.submit(() -> post(target, token, Fixtures.unique("first"))));
            }
            List<Attempt> attempts = new ArrayList<>();
            for (Future<Attempt> attempt : sent) {
                attempts.add(attempt.get());
            }
            return attempts;
        }
    }

    @Override
    public void close() {
        stopping = true;
        clients.shutdownNow();
    }

    private List<Attempt> postUntilStopped(URI endpoint) throws InterruptedException {
        List<Attempt> attempts = new ArrayList<>();
        while (!stopping) {
            Attempt attempt = post(endpoint, apiKey, Fixtures.unique("crash"));
            attempts.add(attempt);
            if (attempt.status() != 200) {
                Thread.sleep(PAUSE_AFTER_FAILURE.toMillis());
            }
        }
        return attempts;
    }

    /** One payment with the key, outside the clients' loop. */
    Attempt post(String key, String transactionId) {
        return post(endpoints.getFirst(), key, transactionId);
    }

    /** One payment without a token: refused (401) before anything needs the database. */
    Attempt postWithoutToken() {
        return post(endpoints.getFirst(), null, Fixtures.unique("anonymous"));
    }

    private Attempt post(URI target, String key, String transactionId) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(target).timeout(timeout);
        if (key != null) {
            builder.header("Authorization", "Bearer " + key);
        }
        HttpRequest request = builder
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"amount\":29.99,\"currency\":\"USD\",\"transaction_id\":\"" + transactionId + "\"}"))
                .build();
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Attempt(transactionId, start, System.nanoTime(), response.statusCode(), response.body(),
                    response.headers().firstValue("Retry-After").orElse(null),
                    response.headers().firstValue("X-Request-Id").orElse(null), null);
        } catch (Exception e) {
            return new Attempt(transactionId, start, System.nanoTime(), 0, null, null, null, e.toString());
        }
    }
}
