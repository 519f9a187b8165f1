package dev.payments.ratelimit;

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
        List<CompletableFuture<Response>> running = new ArrayList<>();
        try (TableLock lock = TableLock.of(dataSource, "payment")) {
            running.add(lock.send(() -> revenue(site)));
            running.add(lock.send(() -> revenue(site)));
            assertTrue(lock.awaitBlocked(2), "the two reports did not start");
            assertRefused(revenue(site));
            running.add(lock.send(() -> revenue(other)));
            assertTrue(lock.awaitBlocked(3), "the other key's report did not start");
        }
        for (CompletableFuture<Response> report : running) {
            assertEquals(200, outcome(report).statusCode());
        }
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
        for (CompletableFuture<Response> report : running) {
            assertEquals(200, outcome(report).statusCode());
        }
    }

    @Test
    void shouldHoldAnExportsPlaceUntilItsStreamEnds() throws Exception {
        TestWebsite site = website();
        List<CompletableFuture<Response>> running = new ArrayList<>();
        try (TableLock lock = TableLock.of(dataSource, "payment")) {
            running.add(lock.send(() -> export(site)));
            running.add(lock.send(() -> export(site)));
            assertTrue(lock.awaitBlocked(2), "the two exports did not start");
            assertRefused(export(site));
        }
        for (CompletableFuture<Response> csv : running) {
            assertEquals(200, outcome(csv).statusCode());
        }
        assertEquals(200, export(site).statusCode());
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
