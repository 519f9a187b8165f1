package dev.payments.revenue;

import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.website;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payments.support.Eventually;
import dev.payments.support.TableLock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A revenue report that outlasts its budget is cut there, its statement cancelled, and answered 503 saying so. Runs
 * in-process only: it holds a lock on the payment table through the application's own pool.
 */
@QuarkusTest
@TestProfile(ReportBudgetTest.ShortBudget.class)
class ReportBudgetTest {

    public static class ShortBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("payments.revenue.budget", "1s");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldCutAReportThatOutlastsItsBudget() throws Exception {
        String key = website().key();
        try (TableLock lock = TableLock.of(dataSource, "payment")) {
            as(key).get("/api/v1/revenue").then()
                    .statusCode(503)
                    .header("Retry-After", equalTo("5"))
                    .body("error.code", equalTo(503))
                    .body("error.message", containsString("report took longer than"));
            // PostgreSQL has cancelled it (the answer came from that): gone from the lock's queue at once, or nearly
            assertTrue(Eventually.within(Duration.ofSeconds(5),
                    () -> lock.blocked(ReportConnectionTest.REPORT_STATEMENTS) == 0), "the report's statement still waits");
        }
    }
}
