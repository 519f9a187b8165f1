package dev.payments.platform.errors;

import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.payment;
import static dev.payments.support.Fixtures.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payments.account.keys.ApiKeyService;
import dev.payments.account.websites.WebsiteRequests;
import dev.payments.account.websites.WebsiteService;
import dev.payments.platform.http.RequestDeadline;
import dev.payments.platform.http.RequestIds;
import dev.payments.support.Eventually;
import dev.payments.support.Fixtures;
import dev.payments.support.LockWaits;
import dev.payments.support.LogCapture;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A request still waiting when its time is up is answered 503 then, while what it waits for goes on; the late end of
 * that work writes nothing more and logs no error. In process only: it holds a lock through the application's pool.
 *
 * <p>No wall clock is read: the answer is known to come from the deadline by the deadline's own log line for that
 * request, and by the work it waited for still waiting once the answer is in (the test ends that wait itself, after).
 */
@QuarkusTest
@TestProfile(RequestDeadlineTest.ShortDeadline.class)
class RequestDeadlineTest {

    public static class ShortDeadline implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // the statement timeout is only a backstop, far beyond the deadline: the test cancels the waiting
            // statement itself once the answer is in
            return Map.of("payments.request-timeout", "2S", "payments.database.statement-timeout", "20s");
        }
    }

    private static final long DEADLINE_MS = 2000;
    /** Only how long a loaded machine may take; nothing is asserted about it. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    WebsiteService websites;

    @Inject
    ApiKeyService apiKeys;

    @Test
    void shouldAnswer503WhenTheRequestTimeoutPassesAndLogNothingWhenTheWorkEndsLater() throws Exception {
        String key = websiteKey();
        try (LogCapture log = LogCapture.of("").withDebug(RequestDeadline.class.getName())) {
            try (Connection locker = dataSource.getConnection(); Statement statement = locker.createStatement()) {
                locker.setAutoCommit(false);
                statement.execute("lock table payment in exclusive mode");
                int lockerPid = LockWaits.backendPid(locker);
                String requestId = as(key).contentType(ContentType.JSON).body(payment(unique("tx")))
                        .post("/api/v1/payments")
                        .then().statusCode(503)
                        .header("Retry-After", equalTo("5"))
                        .body("error.code", equalTo(503))
                        .body("error.type", equalTo("service_unavailable"))
                        .body("error.message", containsString("not answered within its deadline"))
                        .extract().header(RequestIds.HEADER);
                // answered by the deadline (the statement timeout answers 503 too, but without this line)
                String expired = "Request " + requestId + " not answered within " + DEADLINE_MS + " ms: 503";
                assertTrue(log.lines().stream().anyMatch(line -> line.message().equals(expired)),
                        "no '" + expired + "' line: " + log.lines());
                // ... while the work it waited for goes on: its insert still waits for the lock, after the answer
                List<Integer> waiting = new ArrayList<>();
                assertTrue(Eventually.within(PATIENCE, () -> waiting.addAll(insertsBlockedBy(lockerPid))),
                        "the request's insert is not seen waiting for the lock after the answer");
                assertTrue(log.lines().stream().noneMatch(line -> line.isError()
                        || line.message().contains("ended after its deadline")),
                        "the request's work ended before it was let go: " + log.lines());
                // its statement is cancelled (as the statement timeout would) and the work ends, quietly or with an
                // error
                cancel(waiting);
                assertTrue(log.await(PATIENCE,
                        line -> line.isError() || line.message().contains("ended after its deadline")),
                        "the request's work did not end: " + log.lines());
                locker.rollback();
            }
            assertEquals(List.of(), log.errors());
        }
    }

    @Test
    void shouldLogNothingWhenTheWorkOfAWorkerThreadRouteSucceedsAfterItsDeadline() throws Exception {
        try (LogCapture log = LogCapture.of("").withDebug(RequestDeadline.class.getName())) {
            String domain = unique("late").replace('_', '-') + ".example.com";
            try (Connection locker = dataSource.getConnection(); Statement statement = locker.createStatement()) {
                locker.setAutoCommit(false);
                statement.execute("lock table website in exclusive mode");
                int lockerPid = LockWaits.backendPid(locker);
                String requestId = as(Fixtures.BOOTSTRAP).contentType(ContentType.JSON)
                        .body(Map.of("domain", domain)).post("/api/v1/admin/websites")
                        .then().statusCode(503)
                        .header("Retry-After", equalTo("5"))
                        .body("error.type", equalTo("service_unavailable"))
                        .extract().header(RequestIds.HEADER);
                String expired = "Request " + requestId + " not answered within " + DEADLINE_MS + " ms: 503";
                assertTrue(log.lines().stream().anyMatch(line -> line.message().equals(expired)),
                        "no '" + expired + "' line: " + log.lines());
                assertTrue(Eventually.within(PATIENCE,
                        () -> !LockWaits.blockedBy(dataSource, lockerPid, "insert into website").isEmpty()),
                        "the website's insert is not seen waiting for the lock after the answer");
                // let it go: the work ends late, and well
                locker.rollback();
            }
            assertTrue(log.await(PATIENCE, line -> line.isError() || line.message().contains("ended after its deadline")),
                    "the request's work did not end: " + log.lines());
            assertEquals(List.of(), log.errors());
        }
    }

    /**
     * A new website's df_ key, made in process through the services the admin API calls: setup is not an API request,
     * so the short deadline does not apply to it.
     */
    private String websiteKey() {
        String domain = unique("site").replace('_', '-') + ".example.com";
        String websiteId = websites.create(new WebsiteRequests.Create(domain, null, "USD", null)).id();
        return apiKeys.create(websiteId, "test key").key();
    }

    /** The sessions whose insert into payment waits for a lock the given session holds. */
    private List<Integer> insertsBlockedBy(int pid) {
        return LockWaits.blockedBy(dataSource, pid, "insert into payment");
    }

    private void cancel(List<Integer> pids) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement cancel = connection.prepareStatement("select pg_cancel_backend(?)")) {
            for (int pid : pids) {
                cancel.setInt(1, pid);
                cancel.execute();
            }
        }
    }
}
