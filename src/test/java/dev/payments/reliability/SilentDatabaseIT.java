package dev.payments.reliability;

import static dev.payments.support.Fixtures.token;
import static dev.payments.support.Fixtures.website;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payments.reliability.PaymentLoad.Attempt;
import dev.payments.support.Eventually;
import dev.payments.support.Fixtures;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The database goes silent under load without closing a connection, as across a network that drops packets (a
 * failover, a lost NAT entry, a partition): the packaged application reaches PostgreSQL through a relay that stops
 * forwarding in both directions for 40 s, keeping every connection open and accepting new ones, then forwards again.
 * Every request is answered within 15 s (contract section 7), every failure is a 503 in the error shape, writes resume
 * by themselves, and nothing acknowledged is lost or stored twice. The relay goes silent as it receives one request's
 * insert, and the first requests of as many new dft_ tokens as the pool has connections are sent right then, so that
 * each run has requests in each state of {@link SilenceStates}, whatever the load happens to be doing.
 */
@QuarkusIntegrationTest
@TestProfile(SilentDatabaseIT.BehindRelay.class)
class SilentDatabaseIT {

    private static final int CLIENTS = 16;
    /** The pool's quarkus.datasource.jdbc.max-size: they cannot all find an idle connection. */
    private static final int UNCACHED_TOKENS = 20;
    /** The client's own patience: longer than any answer may take, so that a hang shows as one. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(40);
    private static final Duration RESPONSE_BOUND = Duration.ofSeconds(15);
    /**
     * A request that needs no database is not held up by the silence: far above its usual milliseconds, far below the
     * 14 s request deadline that answers a request whose thread cannot run.
     */
    private static final Duration UNBLOCKED_BOUND = Duration.ofSeconds(5);
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(20);
    private static final Duration BEFORE_STALL = Duration.ofSeconds(5);
    private static final Duration STALL = Duration.ofSeconds(40);
    private static final Duration AFTER_RETURN = Duration.ofSeconds(25);
    private static final Duration STARTUP_PATIENCE = Duration.ofSeconds(60);
    /** How often, while silent, a request that needs no database (no token: 401) is sent to the create route. */
    private static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);
    /** How long the held request's insert may take to reach the relay: not a bound under test, only a hang's end. */
    private static final Duration INSERT_PATIENCE = Duration.ofSeconds(30);
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
        List<String> uncachedTokens = IntStream.range(0, UNCACHED_TOKENS)
                .mapToObj(i -> token(List.of("payments:write"), site.id())).toList();

        Silence silence = silenceUnderLoad(site, uncachedTokens);

        assertAll(() -> silence.findings().report(CLIENTS + " clients; the relay silent for " + STALL.toSeconds()
                + " s", REPORT, RESPONSE_BOUND, RECOVERY_BOUND),
                () -> silence.states().check(REPORT, RESPONSE_BOUND, UNBLOCKED_BOUND));
    }

    private record Silence(OutageFindings findings, SilenceStates states) {
    }

    private static Silence silenceUnderLoad(TestWebsite site, List<String> uncachedTokens) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI base = URI.create(RestAssured.baseURI + ":" + RestAssured.port);
        List<Attempt> attempts;
        List<Attempt> retries;
        long silentAt;
        long backAt;
        SilenceStates states;
        boolean readinessDownAndUp;
        try (ReadinessWatch readiness = new ReadinessWatch(http, base, REQUEST_TIMEOUT);
                PaymentLoad load = new PaymentLoad(http, base, site.key(), CLIENTS, REQUEST_TIMEOUT);
                ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            Thread.sleep(BEFORE_STALL.toMillis());
            String heldTransaction = Fixtures.unique("held");
            relay.stallWhenSent(heldTransaction);
            Future<Attempt> held = senders.submit(() -> load.post(site.key(), heldTransaction));
            Future<List<Attempt>> firstOfToken;
            List<Future<Attempt>> withoutDatabase = new ArrayList<>();
            try {
                silentAt = relay.awaitStalled(INSERT_PATIENCE);
                firstOfToken = senders.submit(() -> load.postOnceWithEach(uncachedTokens, site.id()));
                for (long next = silentAt; next < silentAt + STALL.toNanos(); next += PROBE_INTERVAL.toNanos()) {
                    Thread.sleep(Math.max(0, Duration.ofNanos(next - System.nanoTime()).toMillis()));
                    withoutDatabase.add(senders.submit(load::postWithoutToken));
                }
                Thread.sleep(Math.max(0, Duration.ofNanos(silentAt + STALL.toNanos() - System.nanoTime()).toMillis()));
            } finally {
                backAt = System.nanoTime();
                relay.resume();
            }
            Thread.sleep(AFTER_RETURN.toMillis());
            attempts = new ArrayList<>(load.stop());
            List<Attempt> probes = new ArrayList<>();
            for (Future<Attempt> probe : withoutDatabase) {
                probes.add(probe.get());
            }
            states = new SilenceStates(held.get(), firstOfToken.get(), relay.acceptedWhileStalled(), probes);
            attempts.add(states.held());
            attempts.addAll(states.firstOfToken());
            readinessDownAndUp = readiness.wentDownAndUpAfter(silentAt);
            retries = load.retry(attempts.stream().filter(a -> a.status() != 200).map(Attempt::transactionId).toList());
        }
        try (Connection db = StoredTransactions.connect(ConfigProvider.getConfig(), url(5432))) {
            return new Silence(new OutageFindings("silent database test", attempts, retries,
                    StoredTransactions.of(db, site.id()), silentAt, backAt, readinessDownAndUp), states);
        }
    }
}
