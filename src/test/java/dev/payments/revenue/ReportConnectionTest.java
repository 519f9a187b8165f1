package dev.payments.revenue;

import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.website;
import static dev.payments.support.TableLock.outcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payments.support.Eventually;
import dev.payments.support.Fixtures.TestWebsite;
import dev.payments.support.TableLock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A revenue report reads on one connection: held at its first statement by a lock on the payment table, it has no
 * second statement waiting anywhere. Runs in-process only: it takes that lock through the application's own pool.
 */
@QuarkusTest
class ReportConnectionTest {

    /** Long enough for a second connection's statement to reach the lock, had the report opened one. */
    private static final Duration SECOND_STATEMENT = Duration.ofSeconds(2);
    /** Texts of the report's statements (its sums, its distinct counts), which no background job runs. */
    static final String[] REPORT_STATEMENTS = {"width_bucket", "count(*) from ("};

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldReadAReportOnOneConnection() throws Exception {
        TestWebsite site = website();
        CompletableFuture<Response> report;
        try (TableLock lock = TableLock.of(dataSource, "payment")) {
            report = lock.send(() -> as(site.key()).get("/api/v1/revenue"));
            assertTrue(lock.awaitBlocked(1), "the report did not start");
            assertFalse(Eventually.within(SECOND_STATEMENT, () -> lock.blocked(REPORT_STATEMENTS) > 1),
                    "a second statement waits");
        }
        assertEquals(200, outcome(report).statusCode());
    }
}
