package dev.payments.revenue;

import static dev.payments.revenue.RevenueTest.pay;
import static dev.payments.support.Fixtures.BOOTSTRAP;
import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.payment;
import static dev.payments.support.Fixtures.record;
import static dev.payments.support.Fixtures.website;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.payments.support.Fixtures.TestWebsite;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The quarter-hour sums behind GET /api/v1/revenue: merged or not, they add up to what the payments say. */
@QuarkusTest
class RevenueSlotsTest {

    private static final String DAY = "2026-06-01T09:00:00Z";

    @Inject
    RevenueSlots slots;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldAnswerTheSameBeforeAndAfterMerging() throws SQLException {
        TestWebsite site = website();
        pay(site, "10", "2026-06-01T09:01:00Z");
        String refunded = pay(site, "20", "2026-06-01T09:02:00Z");
        pay(site, "30", "2026-06-01T11:00:00Z", "renewal", true);
        String deleted = pay(site, "40", "2026-06-01T11:05:00Z");
        pay(site, "0", "2026-06-01T11:06:00Z", "is_free_trial", true);
        record(site, payment(refunded, "amount", 20, "refunded", true));
        as(site.key()).queryParam("transaction_id", deleted).delete("/api/v1/payments").then().statusCode(200);
        Map<String, Object> before = totals(site);
        mergeAll();
        assertEquals(before, totals(site));
        assertEquals(Map.of("new", 30, "renewal", 30, "refund", 20, "net", 40, "payments", 3, "renewals", 1,
                "refunds", 1, "free_trials", 1), withoutPeople(before));
    }

    @Test
    void shouldLoseNothingWhenMergingOnSeveralInstancesWhilePaymentsArrive() throws Exception {
        TestWebsite site = website();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            // two merging "instances" and three writers at once
            List<Future<?>> mergers = new ArrayList<>();
            for (int merger = 0; merger < 2; merger++) {
                mergers.add(pool.submit(() -> {
                    while (writing.get()) {
                        slots.merge();
                    }
                    return null;
                }));
            }
            List<Future<?>> writers = new ArrayList<>();
            for (int writer = 0; writer < 3; writer++) {
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        pay(site, "1", DAY);
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
            writing.set(false);
            for (Future<?> merger : mergers) {
                merger.get();
            }
        } finally {
            pool.shutdownNow();
        }
        mergeAll();
        as(site.key()).queryParam("startAt", "2026-06-01T00:00:00Z").queryParam("endAt", "2026-06-01T23:59:59Z")
                .queryParam("timezone", "UTC")
                .get("/api/v1/revenue").then().statusCode(200)
                .body("data[0].totals.new", equalTo(120))
                .body("data[0].totals.payments", equalTo(120));
    }

    @Test
    void shouldDropAWebsitesSumsWithTheWebsite() throws SQLException {
        TestWebsite site = website();
        pay(site, "10", DAY);
        assertEquals(1, slotRows(site));
        as(BOOTSTRAP).delete("/api/v1/admin/websites/{id}", site.id()).then().statusCode(200);
        assertEquals(0, slotRows(site));
    }

    @Test
    void shouldKeepOneGenericPlanForTheRevenueTrigger() throws SQLException {
        // planned anew for each call, the trigger cost a quarter of PostgreSQL's CPU per new payment (migration V9)
        try (Connection connection = dataSource.getConnection();
                PreparedStatement settings = connection.prepareStatement("select array_to_string(proconfig, ',') "
                        + "from pg_proc where oid = 'revenue_slot_track'::regproc");
                ResultSet row = settings.executeQuery()) {
            row.next();
            assertEquals("plan_cache_mode=force_generic_plan", row.getString(1));
        }
    }

    @Test
    void shouldCutTheSameQuarterHoursAsTheDatabase() throws SQLException {
        // the service cuts slots by the width it read from revenue_slot_width(), which revenue_slot_of cuts them by
        List<Instant> instants = List.of(Instant.EPOCH, Instant.parse("1999-12-31T23:52:30Z"),
                Instant.parse("2026-06-01T09:00:00Z"), Instant.parse("2026-06-01T09:04:59.999Z"),
                Instant.parse("2026-06-01T09:09:59Z"), Instant.parse("2026-06-01T09:14:59.999999Z"),
                Instant.parse("2026-06-01T09:15:00Z"), Instant.parse("2026-06-01T09:29:59Z"),
                Instant.parse("2026-06-01T09:44:00Z"), Instant.parse("2026-06-01T09:59:59Z"));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement slotOf = connection.prepareStatement("select revenue_slot_of(?)")) {
            for (Instant at : instants) {
                slotOf.setObject(1, at.atOffset(ZoneOffset.UTC));
                try (ResultSet slot = slotOf.executeQuery()) {
                    slot.next();
                    assertEquals(slots.slotOf(at), slot.getObject(1, OffsetDateTime.class).toInstant(),
                            "the slot of " + at);
                }
            }
        }
    }

    private long slotRows(TestWebsite site) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement rows = connection.prepareStatement(
                        "select count(*) from revenue_slot where website_id = ?")) {
            rows.setString(1, site.id());
            try (ResultSet count = rows.executeQuery()) {
                count.next();
                return count.getLong(1);
            }
        }
    }

    private void mergeAll() throws SQLException {
        while (slots.merge() > 0) {
            // until nothing is left unmerged
        }
    }

    private static Map<String, Object> totals(TestWebsite site) {
        // up to now (the default end): refunds count at the time they were recorded
        String body = as(site.key()).queryParam("startAt", "2026-06-01T00:00:00Z").queryParam("timezone", "UTC")
                .get("/api/v1/revenue").then().statusCode(200).extract().asString();
        return JsonPath.from(body).getMap("data[0].totals");
    }

    private static Map<String, Object> withoutPeople(Map<String, Object> totals) {
        Map<String, Object> sums = new HashMap<>(totals);
        sums.keySet().removeAll(List.of("customers", "visitors", "pending"));
        return sums;
    }
}
