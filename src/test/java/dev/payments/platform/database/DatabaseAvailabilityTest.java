package dev.payments.platform.database;

import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.payment;
import static dev.payments.support.Fixtures.record;
import static dev.payments.support.Fixtures.unique;
import static dev.payments.support.Fixtures.website;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payments.account.credentials.Secrets;
import dev.payments.support.Eventually;
import dev.payments.support.Fixtures.TestWebsite;
import dev.payments.support.Metrics;
import dev.payments.support.TcpGate;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The service starts while its database is unreachable (it reaches it through a gate that is shut at start-up), says
 * it is not ready, answers 503, and recovers by itself; an idle instance holds no database connection.
 */
@QuarkusTest
@TestProfile(DatabaseAvailabilityTest.GatedDatabase.class)
class DatabaseAvailabilityTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static TcpGate gate;

    public static class GatedDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.datasource.jdbc.url",
                    "jdbc:postgresql://127.0.0.1:" + gatePort() + "/postgres?currentSchema=payments_gated",
                    "quarkus.flyway.schemas", "payments_gated",
                    "quarkus.flyway.clean-at-start", "false",
                    "payments.database.retry-interval", "1s",
                    "quarkus.datasource.jdbc.idle-removal-interval", "1S");
        }
    }

    /** One port per JVM: Quarkus loads the profile and the test class in different class loaders. */
    private static int gatePort() {
        return Integer.parseInt(System.getProperties()
                .computeIfAbsent("tcp-gate.port", key -> String.valueOf(TcpGate.freePort())).toString());
    }

    @AfterAll
    static void closeGate() {
        if (gate != null) {
            gate.close();
            gate = null;
        }
    }

    private static void openGate() {
        if (gate == null) {
            gate = TcpGate.open(gatePort(), 5432);
        }
        await(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    @Test
    void shouldAnswer503AndReportNotReadyUntilTheDatabaseIsReachable() {
        closeGate();
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        // an unknown key is looked up in the database (a miss is remembered only once the database has answered)
        as(Secrets.WEBSITE_KEY_PREFIX + "0".repeat(40)).contentType(ContentType.JSON).body(payment(unique("tx")))
                .post("/api/v1/payments")
                .then().statusCode(503)
                .header("Retry-After", "5")
                .body("error.code", equalTo(503))
                .body("error.type", equalTo("service_unavailable"));

        openGate();
        given().get("/q/health/ready").then().body("checks.name", hasItem("Database schema"));
        TestWebsite site = website();
        record(site, payment(unique("tx")));
    }

    @Test
    void shouldCloseIdleDatabaseConnections() {
        openGate();
        website();
        await(() -> Metrics.value("agroal_available_count{datasource=\"default\"}") == 0
                && Metrics.value("agroal_active_count{datasource=\"default\"}") == 0);
    }

    private static void await(BooleanSupplier condition) {
        assertTrue(Eventually.within(PATIENCE, condition), "not so after " + PATIENCE.toSeconds() + " s");
    }
}
