package dev.payments.hostile;

import static dev.payments.support.Fixtures.apiKey;
import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.payment;
import static dev.payments.support.Fixtures.unique;
import static dev.payments.support.Fixtures.website;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payments.support.Fixtures.TestWebsite;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The packaged application attacked as one client with a laptop would: hundreds of webhook bodies trickling in, and a
 * flood of revenue reports and CSV exports. Other clients keep being answered. Prints the figures docs/operations.md's
 * "Hostile clients" quotes; asserts outcomes only, never a speed.
 */
@QuarkusIntegrationTest
class HostileClientsIT {

    private static final int CHUNKED = 300;
    private static final int DECLARED = 300;
    private static final int CALLS = 20;
    private static final int FLOODERS = 16;
    private static final Duration FLOOD = Duration.ofSeconds(15);
    private static final String REPORT = "/api/v1/revenue?interval=month&timezone=Africa/Monrovia"
            + "&startAt=1950-01-01T00:00:00Z";

    @Test
    void shouldAnswerAuthenticatedCallsWhileHundredsOfBodiesTrickleIn() throws Exception {
        TestWebsite site = website();
        List<Long> millis = new ArrayList<>();
        try (SlowBodies slow = SlowBodies.open(site.id(), CHUNKED, DECLARED)) {
            for (int i = 0; i < CALLS; i++) {
                slow.trickle();
                millis.add(timed(() -> as(site.key()).get("/api/v1/payments?limit=1").statusCode()));
                millis.add(timed(() -> as(site.key()).contentType(ContentType.JSON).body(payment(unique("tx")))
                        .post("/api/v1/payments").statusCode()));
            }
            assertEquals(slow.size(), slow.answeredAndClosed("HTTP/1.1 408"),
                    "every slow body is answered 408 and its connection closed");
        }
        System.out.printf("hostile: %d authenticated calls while %d chunked and %d declared webhook bodies trickled "
                + "in: slowest %d ms, median %d ms%n", millis.size(), CHUNKED, DECLARED, percentile(millis, 100),
                percentile(millis, 50));
    }

    @Test
    void shouldKeepRecordingAnotherWebsitesPaymentsDuringAFloodOfReportsAndExports() throws Exception {
        TestWebsite flooded = website();
        seed(flooded, 2_000);
        List<String> keys = List.of(flooded.key(), apiKey(flooded.id()), apiKey(flooded.id()));
        TestWebsite other = website();
        Set<Integer> floodStatuses = ConcurrentHashMap.newKeySet();
        AtomicInteger refused = new AtomicInteger();
        List<Long> creates = Collections.synchronizedList(new ArrayList<>());
        Instant end = Instant.now().plus(FLOOD);
        ExecutorService pool = Executors.newFixedThreadPool(FLOODERS + 1);
        for (int i = 0; i < FLOODERS; i++) {
            String key = keys.get(i % keys.size());
            boolean export = i % 4 == 3;
            pool.execute(() -> {
                while (Instant.now().isBefore(end)) {
                    int status = export ? as(key).accept("text/csv").get("/api/v1/payments").statusCode()
                            : as(key).get(REPORT).statusCode();
                    floodStatuses.add(status);
                    if (status == 429) {
                        refused.incrementAndGet();
                    }
                }
            });
        }
        Set<Integer> createStatuses = ConcurrentHashMap.newKeySet();
        pool.execute(() -> {
            while (Instant.now().isBefore(end)) {
                long start = System.nanoTime();
                createStatuses.add(as(other.key()).contentType(ContentType.JSON).body(payment(unique("tx")))
                        .post("/api/v1/payments").statusCode());
                creates.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
            }
        });
        pool.shutdown();
        assertTrue(pool.awaitTermination(FLOOD.plusMinutes(2).toSeconds(), TimeUnit.SECONDS), "the flood never ended");
        assertEquals(Set.of(200), createStatuses, "the other website's creates");
        assertTrue(Set.of(200, 429).containsAll(floodStatuses), "reports and exports answered " + floodStatuses);
        System.out.printf("hostile: %d creates on another website while %d clients flooded reports and exports "
                + "(%d refused with 429): p50 %d ms, p99 %d ms, slowest %d ms%n", creates.size(), FLOODERS,
                refused.get(), percentile(creates, 50), percentile(creates, 99), percentile(creates, 100));
    }

    /** Payments spread over 1950 to now, sent in batches. */
    private static void seed(TestWebsite site, int count) {
        long span = Duration.between(Instant.parse("1950-01-01T00:00:00Z"), Instant.now()).toSeconds();
        for (int sent = 0; sent < count; sent += 1000) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int i = sent; i < Math.min(count, sent + 1000); i++) {
                Map<String, Object> item = payment(unique("seed"));
                item.put("timestamp", Instant.parse("1950-01-01T00:00:00Z").plusSeconds(span * i / count).toString());
                batch.add(item);
            }
            as(site.key()).contentType(ContentType.JSON).body(batch).post("/api/v1/payments/batch").then()
                    .statusCode(200);
        }
    }

    /** Milliseconds the call took; it must answer 200. */
    private static long timed(Supplier<Integer> call) {
        long start = System.nanoTime();
        int status = call.get();
        assertEquals(200, status, "an authenticated call of another client was refused");
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    private static long percentile(List<Long> values, int percent) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100));
    }
}
