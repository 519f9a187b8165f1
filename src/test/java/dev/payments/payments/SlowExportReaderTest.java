package dev.payments.payments;

import static dev.payments.payments.StalledExports.stall;
import static dev.payments.payments.StalledExports.websiteWithALargeExport;
import static dev.payments.support.Fixtures.as;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payments.support.Eventually;
import dev.payments.support.Fixtures.TestWebsite;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Contract section 7: a CSV export keeps neither a database connection nor a worker thread for a client that reads
 * slowly. The worker pool is made small, so that exports parking a worker each would leave none for anyone else.
 */
@QuarkusTest
@TestProfile(SlowExportReaderTest.FewWorkers.class)
class SlowExportReaderTest {

    private static final int WORKERS = 4;

    public static class FewWorkers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // one key runs every export: its limit of exports at once is raised above them, the instance's stays
            return Map.of("quarkus.thread-pool.max-threads", String.valueOf(WORKERS),
                    "payments.rate-limit.expensive-reads-per-key", "6");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldHoldNoPoolConnectionWhileItsClientReadsNothing() throws Exception {
        TestWebsite site = websiteWithALargeExport();
        try (Socket stalled = stall(site)) {
            assertTrue(Eventually.within(Duration.ofSeconds(10), () -> dataSource.getMetrics().activeCount() == 0),
                    "a connection is still active: " + dataSource.getMetrics().activeCount());
        }
    }

    @Test
    void shouldAnswerOtherRequestsWhileMoreExportsThanWorkersWaitForTheirClients() throws Exception {
        TestWebsite site = websiteWithALargeExport();
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < WORKERS + 2; i++) {
                stalled.add(stall(site));
            }
            as(site.key()).get("/api/v1/payments").then().statusCode(200);
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }
}
