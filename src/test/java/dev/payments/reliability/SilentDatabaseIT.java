package dev.payments.reliability;

import static dev.payments.support.Fixtures.website;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payments.reliability.PaymentLoad.Attempt;
import dev.payments.support.Eventually;
import dev.payments.support.Fixtures.TestWebsite;
import dev.payments.support.TcpGate;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The database goes silent under load without closing a connection, as across a network that drops packets (a
 * failover, a lost NAT entry, a partition): the packaged application reaches PostgreSQL through a relay that stops
 * forwarding in both directions for 40 s, keeping every connection open and accepting new ones, then forwards again.
 * Every request is answered within 15 s (contract section 7), every failure is a 503 in the error shape, writes resume
 * by themselves, and nothing acknowledged is lost or stored twice.
 */
@QuarkusIntegrationTest
@TestProfile(SilentDatabaseIT.BehindRelay.class)
class SilentDatabaseIT {

    private static final int CLIENTS = 16;
    /** The client's own patience: longer than any answer may take, so that a hang shows as one. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(40);
    private static final Duration RESPONSE_BOUND = Duration.ofSeconds(15);
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(20);
    private static final Duration BEFORE_STALL = Duration.ofSeconds(5);
    private static final Duration STALL = Duration.ofSeconds(40);
    private static final Duration AFTER_RETURN = Duration.ofSeconds(25);
    private static final Duration STARTUP_PATIENCE = Duration.ofSeconds(60);
    private static final String SCHEMA = "payments_silent";
    private static final Path REPORT = Path.of("target", "reliability", "silent-database-test.txt");
    private static TcpGate relay;

    public static class BehindRelay implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // started before the relay opens: it waits for the database, so the schema is not cleaned at start-up
            return Map.of("quarkus.datasource.jdbc.url", url(relayPort()), "quarkus.flyway.schemas", SCHEMA,
                    "quarkus.flyway.clean-at-start", "false", "payments.database.retry-interval", "1s");
        }
    }

    /** One port per JVM: Quarkus loads the profile and the test class in different class loaders. */
    private static int relayPort() {
        return Integer.parseInt(System.getProperties()
                .computeIfAbsent("silent-relay.port", key -> String.valueOf(TcpGate.freePort())).toString());
    }

    private static String url(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?currentSchema=" + SCHEMA;
    }

    @BeforeAll
    static void openRelay() {
        relay = TcpGate.open(relayPort(), 5432);
    }

    @AfterAll
    static void closeRelay() {
        relay.close();
    }

    @Test
    void shouldAnswerEveryRequestWithin15sAndLoseNothingWhenTheDatabaseGoesSilent() throws Exception {
        assertTrue(Eventually.within(STARTUP_PATIENCE, () -> given().get("/q/health/ready").statusCode() == 200),
                "not ready after " + STARTUP_PATIENCE.toSeconds() + " s");
        TestWebsite site = website();

        OutageFindings findings = silenceUnderLoad(site);

        findings.report(CLIENTS + " clients; the relay silent for " + STALL.toSeconds() + " s", REPORT,
                RESPONSE_BOUND, RECOVERY_BOUND);
    }

    private static OutageFindings silenceUnderLoad(TestWebsite site) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI base = URI.create(RestAssured.baseURI + ":" + RestAssured.port);
        List<Attempt> attempts;
        List<Attempt> retries;
        long silentAt;
        long backAt;
        boolean readinessDownAndUp;
        try (ReadinessWatch readiness = new ReadinessWatch(http, base, REQUEST_TIMEOUT);
                PaymentLoad load = new PaymentLoad(http, base, site.key(), CLIENTS, REQUEST_TIMEOUT)) {
            Thread.sleep(BEFORE_STALL.toMillis());
            silentAt = System.nanoTime();
            relay.stall();
            try {
                Thread.sleep(STALL.toMillis());
            } finally {
                backAt = System.nanoTime();
                relay.resume();
            }
            Thread.sleep(AFTER_RETURN.toMillis());
            attempts = load.stop();
            readinessDownAndUp = readiness.wentDownAndUpAfter(silentAt);
            retries = load.retry(attempts.stream().filter(a -> a.status() != 200).map(Attempt::transactionId).toList());
        }
        try (Connection db = StoredTransactions.connect(ConfigProvider.getConfig(), url(5432))) {
            return new OutageFindings("silent database test", attempts, retries, StoredTransactions.of(db, site.id()),
                    silentAt, backAt, readinessDownAndUp);
        }
    }
}
