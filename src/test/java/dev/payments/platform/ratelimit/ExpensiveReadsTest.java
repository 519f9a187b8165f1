package dev.payments.platform.ratelimit;

import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.website;
import static dev.payments.support.TableLock.outcome;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payments.support.Fixtures.TestWebsite;
import dev.payments.support.TableLock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Revenue reports and CSV exports run at most 2 at a time per key and 6 per instance (the defaults); one more is
 * refused 429 with Retry-After at once. The reads are held at their first statement by a lock on the payment table.
 * Runs in-process only: it takes that lock through the application's own pool.
 */
@QuarkusTest
class ExpensiveReadsTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldRefuseAKeysThirdConcurrentReportWhileAnotherKeysReportRuns() throws Exception {
        TestWebsite site = website();
        TestWebsite other = website();
        List<CompletableFuture<Response>> running;
        try (TableLock lock = TableLock.of(dataSource, "payment")) {
            running = refusedAfterTwo(lock, () -> revenue(site));
            running.add(lock.send(() -> revenue(other)));
            assertTrue(lock.awaitBlocked(3), "the other key's report did not start");
        }
        assertAnswered(running);
    }

    @Test
    void shouldRefuseAReportBeyondTheInstancesLimit() throws Exception {
        List<CompletableFuture<Response>> running = new ArrayList<>();
        try (TableLock lock = TableLock.of(dataSource, "payment")) {
            for (int key = 0; key < 3; key++) {
                TestWebsite site = website();
                running.add(lock.send(() -> revenue(site)));
                running.add(lock.send(() -> revenue(site)));
            }
            assertTrue(lock.awaitBlocked(6), "the six reports did not start");
            assertRefused(revenue(website()));
        }
        assertAnswered(running);
    }

    @Test
    void shouldHoldAnExportsPlaceUntilItsStreamEnds() throws Exception {
        TestWebsite site = website();
        List<CompletableFuture<Response>> running;
        try (TableLock lock = TableLock.of(dataSource, "payment")) {
            running = refusedAfterTwo(lock, () -> export(site));
        }
        assertAnswered(running);
        assertEquals(200, export(site).statusCode());
    }

    /** Sends the read twice, waits until both have started, then checks that a third is refused; the two running. */
    private static List<CompletableFuture<Response>> refusedAfterTwo(TableLock lock, Supplier<Response> read) {
        List<CompletableFuture<Response>> running = new ArrayList<>(List.of(lock.send(read), lock.send(read)));
        assertTrue(lock.awaitBlocked(2), "the two reads did not start");
        assertRefused(read.get());
        return running;
    }

    private static void assertAnswered(List<CompletableFuture<Response>> running) throws Exception {
        for (CompletableFuture<Response> read : running) {
            assertEquals(200, outcome(read).statusCode());
        }
    }

    private static Response revenue(TestWebsite site) {
        return as(site.key()).get("/api/v1/revenue");
    }

    private static Response export(TestWebsite site) {
        return as(site.key()).accept("text/csv").get("/api/v1/payments");
    }

    private static void assertRefused(Response response) {
        response.then().statusCode(429).body("error.code", equalTo(429));
        assertTrue(Integer.parseInt(response.header("Retry-After")) > 0, response.headers().toString());
    }
}
