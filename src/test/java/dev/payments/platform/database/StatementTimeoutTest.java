package dev.payments.platform.database;

import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.payment;
import static dev.payments.support.Fixtures.unique;
import static dev.payments.support.Fixtures.website;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.payments.support.Fixtures.TestWebsite;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * No request holds a database connection indefinitely: a statement that waits past the statement timeout is
 * cancelled and its request answered 503. Runs in-process only: it holds a lock through the application's own pool.
 */
@QuarkusTest
@TestProfile(StatementTimeoutTest.ShortTimeout.class)
class StatementTimeoutTest {

    public static class ShortTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("payments.database.statement-timeout", "1s");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldGiveEveryConnectionTheStatementTimeout() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("show statement_timeout")) {
            result.next();
            assertEquals("1s", result.getString(1));
        }
    }

    @Test
    void shouldAnswer503WhenAStatementWaitsPastTheTimeout() throws Exception {
        TestWebsite site = website();
        try (Connection locker = dataSource.getConnection(); Statement statement = locker.createStatement()) {
            locker.setAutoCommit(false);
            statement.execute("lock table payment in exclusive mode");
            as(site.key()).contentType(ContentType.JSON).body(payment(unique("tx"))).post("/api/v1/payments")
                    .then().time(lessThan(5L), TimeUnit.SECONDS)
                    .statusCode(503)
                    .header("Retry-After", equalTo("5"))
                    .body("error.code", equalTo(503));
            locker.rollback();
        }
    }
}
