package dev.payments.errors;

import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.payment;
import static dev.payments.support.Fixtures.unique;
import static dev.payments.support.Fixtures.website;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payments.support.Fixtures.TestWebsite;
import dev.payments.support.LogCapture;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A request still waiting when its time is up is answered 503 then, while what it waits for goes on; the late end of
 * that work writes nothing more and logs no error. In process only: it holds a lock through the application's pool.
 */
@QuarkusTest
@TestProfile(RequestDeadlineTest.ShortDeadline.class)
class RequestDeadlineTest {

    public static class ShortDeadline implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("payments.request-timeout", "2S", "payments.database.statement-timeout", "4s");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldAnswer503WhenTheRequestTimeoutPassesAndLogNothingWhenTheWorkEndsLater() throws Exception {
        TestWebsite site = website();
        try (LogCapture log = LogCapture.of("").withDebug(RequestDeadline.class.getName())) {
            try (Connection locker = dataSource.getConnection(); Statement statement = locker.createStatement()) {
                locker.setAutoCommit(false);
                statement.execute("lock table payment in exclusive mode");
                as(site.key()).contentType(ContentType.JSON).body(payment(unique("tx"))).post("/api/v1/payments")
                        .then().time(lessThan(3500L), TimeUnit.MILLISECONDS)
                        .statusCode(503)
                        .header("Retry-After", equalTo("5"))
                        .body("error.code", equalTo(503))
                        .body("error.type", equalTo("service_unavailable"));
                // the statement is cancelled (statement timeout) and the request's work ends, quietly or with an error
                assertTrue(log.await(Duration.ofSeconds(20),
                        line -> line.isError() || line.message().contains("ended after its deadline")),
                        "the request's work did not end: " + log.lines());
                locker.rollback();
            }
            assertEquals(List.of(), log.errors());
        }
    }
}
