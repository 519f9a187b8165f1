package dev.payments.platform.database;

import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.payment;
import static dev.payments.support.Fixtures.record;
import static dev.payments.support.Fixtures.unique;
import static dev.payments.support.Fixtures.website;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payments.support.Fixtures.TestWebsite;
import io.netty.util.concurrent.FastThreadLocalThread;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * With a standby's URL set, revenue reports, CSV exports and payment lists read through a pool of their own. Here it
 * is the test database itself, opened read-only (readOnlyMode=always: any write through that pool would fail, as on
 * a standby), and each read must take its connections there and answer as it does on the primary.
 */
@QuarkusTest
@TestProfile(ReportConnectionsTest.ReadOnlyStandby.class)
class ReportConnectionsTest {

    public static class ReadOnlyStandby implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("payments.database.reports-jdbc-url",
                    "${quarkus.datasource.jdbc.url}&readOnly=true&readOnlyMode=always");
        }
    }

    @Inject
    ReportConnections connections;

    @Inject
    @Reports
    Jdbc reports;

    @Inject
    Jdbc jdbc;

    @Test
    void shouldReportRevenueThroughTheStandby() {
        TestWebsite site = websiteWithAPayment();
        long before = standbyConnectionsTaken();
        as(site.key()).get("/api/v1/revenue").then().statusCode(200)
                .body("data[0].totals.new", equalTo(new BigDecimal("12.5")));
        assertTrue(standbyConnectionsTaken() > before, "the report did not read through the standby's pool");
    }

    @Test
    void shouldListPaymentsThroughTheStandby() {
        TestWebsite site = websiteWithAPayment();
        long before = standbyConnectionsTaken();
        as(site.key()).get("/api/v1/payments").then().statusCode(200)
                .body("data.size()", equalTo(1));
        assertTrue(standbyConnectionsTaken() > before, "the list did not read through the standby's pool");
    }

    @Test
    void shouldExportPaymentsThroughTheStandby() {
        TestWebsite site = websiteWithAPayment();
        long before = standbyConnectionsTaken();
        as(site.key()).accept("text/csv").get("/api/v1/payments").then().statusCode(200)
                .body(containsString(",12.5,USD,"));
        assertTrue(standbyConnectionsTaken() > before, "the export did not read through the standby's pool");
    }

    @Test
    void shouldGiveTheThreadThatReadOnTheStandbyThePrimaryForItsNextStatement() throws Exception {
        // a thread of the Vert.x kind, as the workers that serve requests are: pools may keep a connection per thread
        FutureTask<String> readThenAsk = new FutureTask<>(() -> {
            reports.single("select 1", Jdbc.values(), row -> row.getInt(1));
            return jdbc.single("show transaction_read_only", Jdbc.values(), row -> row.getString(1)).orElseThrow();
        });
        new FastThreadLocalThread(readThenAsk).start();
        assertEquals("off", readThenAsk.get(30, TimeUnit.SECONDS), "the primary's pool lent the standby's connection");
    }

    private static TestWebsite websiteWithAPayment() {
        TestWebsite site = website();
        record(site, payment(unique("standby"), "amount", new BigDecimal("12.50")));
        return site;
    }

    private long standbyConnectionsTaken() {
        return connections.standby().orElseThrow(() -> new AssertionError("no standby pool was configured"))
                .getMetrics().acquireCount();
    }
}
