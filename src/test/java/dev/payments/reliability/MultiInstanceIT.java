package dev.payments.reliability;

import static dev.payments.support.Eventually.assertWithin;
import static dev.payments.support.Fixtures.BOOTSTRAP;
import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.payment;
import static dev.payments.support.Fixtures.unique;
import static dev.payments.support.Fixtures.website;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payments.support.Fixtures.TestWebsite;
import dev.payments.support.Race;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the packaged application on one database (the one the test framework starts, A, and another, B),
 * as a serverless platform scales the service out: they behave as one service. Revocations and suspensions made
 * through A hold on B within 2 s, a key has one quota across both, identical creates spread over both store one
 * payment, a conversion pass runs on one instance at a time, and instances starting together on an empty database
 * migrate it once and all become ready.
 */
@QuarkusIntegrationTest
@TestProfile(MultiInstanceIT.Shared.class)
class MultiInstanceIT {

    static final int QUOTA = 40;
    /** What either instance may let through beyond the quota before it brings its copy in line with the shared one. */
    static final int UNSYNCED = 1;
    static final Map<String, String> SETTINGS = Map.of("payments.rate-limit.requests", String.valueOf(QUOTA),
            "payments.rate-limit.period", "1h", "payments.rates.pending-interval", "1s");
    private static final Duration REVOCATION_BOUND = Duration.ofSeconds(2);
    private static final Duration STARTUP_PATIENCE = Duration.ofSeconds(120);
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final Pattern CONVERTED = Pattern.compile("Converted (\\d+) pending payments");
    private static final Pattern CURRENT_SCHEMA = Pattern.compile("([?&]currentSchema=)[^&]*");
    private static final Path PRIMARY_LOG = Path.of("target", "quarkus.log");
    private static Instance other;

    public static class Shared implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return SETTINGS;
        }
    }

    @BeforeAll
    static void startAnotherInstance() throws Exception {
        Instance started = Instance.start(SETTINGS);
        try {
            other = started.awaitReady(STARTUP_PATIENCE);
        } catch (Exception | Error e) {
            started.close(); // not left running after the suite when it never became ready
            throw e;
        }
    }

    @AfterAll
    static void stopIt() throws InterruptedException {
        other.close();
    }

    @Test
    void shouldStopAcceptingAKeyRevokedThroughTheOtherInstanceWithin2s() {
        TestWebsite site = website();
        String keyId = as(BOOTSTRAP).get("/api/v1/admin/websites/{id}/apikeys", site.id()).then().statusCode(200)
                .extract().path("data[0].id");
        onOther(as(site.key())).get("/api/v1/payments").then().statusCode(200); // cached there now
        as(BOOTSTRAP).delete("/api/v1/admin/websites/{id}/apikeys/{key}", site.id(), keyId).then().statusCode(200);
        assertWithin(REVOCATION_BOUND, () -> onOther(as(site.key())).get("/api/v1/payments").statusCode() == 401,
                "the revoked key still works on the other instance");
    }

    @Test
    void shouldStopRecordingForAWebsiteSuspendedThroughTheOtherInstanceWithin2s() {
        TestWebsite site = website();
        onOther(as(site.key())).contentType(ContentType.JSON).body(payment(unique("tx"))).post("/api/v1/payments")
                .then().statusCode(200);
        as(BOOTSTRAP).contentType(ContentType.JSON).body(Map.of("trackingSuspended", true))
                .put("/api/v1/admin/websites/{id}", site.id()).then().statusCode(200);
        assertWithin(REVOCATION_BOUND, () -> onOther(as(site.key())).contentType(ContentType.JSON)
                .body(payment(unique("tx"))).post("/api/v1/payments").statusCode() == 403,
                "the suspended website still records on the other instance");
    }

    @Test
    void shouldShareOneQuotaPerKeyAcrossInstances() {
        TestWebsite site = website();
        int admitted = 0;
        for (int request = 0; request < 2 * QUOTA; request++) {
            RequestSpecification call = as(site.key());
            int status = (request % 2 == 0 ? call : onOther(call)).get("/api/v1/payments").statusCode();
            assertTrue(status == 200 || status == 429, "status " + status);
            admitted += status == 200 ? 1 : 0;
        }
        int admittedRequests = admitted;
        assertTrue(admittedRequests >= QUOTA && admittedRequests <= QUOTA + 2 * UNSYNCED,
                () -> admittedRequests + " requests admitted over two instances, for a quota of " + QUOTA);
    }

    @Test
    void shouldStoreOnePaymentForIdenticalCreatesSpreadOverInstances() throws Exception {
        TestWebsite site = website();
        String tx = unique("tx");
        List<Callable<String>> creates = new ArrayList<>();
        for (int caller = 0; caller < 20; caller++) {
            boolean onA = caller % 2 == 0;
            creates.add(() -> {
                RequestSpecification call = as(site.key()).contentType(ContentType.JSON).body(payment(tx));
                return (onA ? call : onOther(call)).post("/api/v1/payments").then().statusCode(200)
                        .extract().path("message");
            });
        }
        List<String> messages = Race.run(creates);
        assertEquals(1, Collections.frequency(messages, "Payment recorded"), messages.toString());
        assertEquals(19, Collections.frequency(messages, "Payment already recorded; duplicate skipped"),
                messages.toString());
        as(site.key()).queryParam("transaction_id", tx).get("/api/v1/payments").then().statusCode(200)
                .body("data.size()", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void shouldConvertEachPaymentOnceWhenBothInstancesRunConversionPasses() throws Exception {
        TestWebsite site = website();
        int payments = 20_000;
        try (Connection db = connect()) {
            Sql.execute(db, """
                    insert into payment (website_id, transaction_id, amount, currency, renewal, refunded, free_trial,
                                         occurred_at, reporting_currency, reporting_amount)
                    select ?, 'bulk-' || g, 10, 'USD', false, false, false,
                           timestamptz '2023-02-17 12:00:00Z' + g * interval '1 second', 'USD', 10
                    from generate_series(1, ?) g""", site.id(), payments);
        }
        int primaryBefore = Files.readAllLines(PRIMARY_LOG).size();
        int otherBefore = other.logLines().size();
        // both instances look for pending payments every second: the change gives them many at once
        as(BOOTSTRAP).contentType(ContentType.JSON).body(Map.of("currency", "EUR"))
                .put("/api/v1/admin/websites/{id}", site.id()).then().statusCode(200);
        assertWithin(PATIENCE, () -> count("select count(*) from payment where website_id = ? "
                + "and reporting_currency = 'EUR' and reporting_amount = 9.41", site.id()) == payments,
                "not every payment converted");
        List<String> newLines = new ArrayList<>(Files.readAllLines(PRIMARY_LOG).subList(primaryBefore,
                Files.readAllLines(PRIMARY_LOG).size()));
        newLines.addAll(other.logLines().subList(otherBefore, other.logLines().size()));
        long converted = newLines.stream().map(CONVERTED::matcher).filter(Matcher::find)
                .mapToLong(m -> Long.parseLong(m.group(1))).sum();
        assertEquals(payments, converted, "conversions counted over both instances: " + newLines);
    }

    @Test
    void shouldMigrateAnEmptyDatabaseOnceWhenInstancesStartTogether() throws Exception {
        String schema = "payments_fresh_" + unique("s").substring(2, 14);
        // the test database on a schema of its own: directly when the tests run behind a pooler (PgBouncer before 1.20
        // cannot give a client a schema of its own: it refuses the search_path pgjdbc sends for currentSchema, so the
        // pooled database's role fixes the schema)
        Optional<String> direct = ConfigProvider.getConfig().getOptionalValue("payments.database.direct-jdbc-url",
                String.class);
        String url = direct.orElseGet(() -> ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url",
                String.class));
        Matcher current = CURRENT_SCHEMA.matcher(url);
        assertTrue(current.find(), "the test database's URL names no currentSchema: " + url);
        String freshUrl = current.replaceFirst("$1" + schema);
        Map<String, String> fresh = new HashMap<>(Map.of("quarkus.datasource.jdbc.url", freshUrl,
                "quarkus.flyway.schemas", schema));
        direct.ifPresent(d -> fresh.put("payments.database.direct-jdbc-url", freshUrl));
        List<Instance> instances = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                instances.add(Instance.start(fresh));
            }
            for (Instance instance : instances) {
                instance.awaitReady(STARTUP_PATIENCE);
            }
            assertWithin(PATIENCE, () -> count("select count(*) from " + schema + ".exchange_rate") == 193_655,
                    "the bundled rate history is not stored whole");
            long storing = 0;
            for (Instance instance : instances) {
                storing += instance.logLines().stream().filter(l -> l.contains("Storing the bundled ECB")).count();
            }
            long bundled = storing;
            try (Connection db = connect()) {
                assertAll(
                        () -> assertEquals(0, Sql.count(db, "select count(*) from (select version from " + schema
                                + ".flyway_schema_history where version is not null group by version "
                                + "having count(*) > 1 or bool_or(not success)) repeated")),
                        () -> assertEquals(migrations(), Sql.count(db, "select count(*) from " + schema
                                + ".flyway_schema_history where version is not null")),
                        () -> assertEquals(1, bundled, "instances that stored the bundled rate history"));
            }
        } finally {
            for (Instance instance : instances) {
                instance.close();
            }
            try (Connection db = connect()) {
                Sql.execute(db, "drop schema if exists " + schema + " cascade");
            }
        }
    }

    /** The versioned migrations the service carries. */
    private static long migrations() throws IOException {
        try (var files = Files.list(Path.of("src", "main", "resources", "db", "migration"))) {
            return files.filter(file -> file.getFileName().toString().startsWith("V")).count();
        }
    }

    private static RequestSpecification onOther(RequestSpecification request) {
        return request.port(other.port());
    }

    private static Connection connect() throws SQLException {
        return StoredTransactions.connect(ConfigProvider.getConfig(),
                ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class));
    }

    private static long count(String sql, Object... parameters) {
        try (Connection db = connect()) {
            return Sql.count(db, sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
