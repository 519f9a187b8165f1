package dev.payments.platform.errors;

import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.website;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.payments.support.Fixtures.TestWebsite;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A 503 names what ran out: with every pool connection held, a request says no connection came free (not that the
 * database is down, which it is not), and the metric counts it under that reason. In process: it holds the pool.
 */
@QuarkusTest
@TestProfile(PoolExhaustionTest.SmallPool.class)
class PoolExhaustionTest {

    private static final int POOL = 3;

    public static class SmallPool implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.max-size", String.valueOf(POOL),
                    "quarkus.datasource.jdbc.acquisition-timeout", "1S");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldSayNoConnectionCameFreeWhenThePoolIsExhausted() throws Exception {
        TestWebsite site = website();
        // a new website's key is in no cache: its lookup needs a connection
        String uncachedKey = website().key();
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < POOL; i++) {
                held.add(dataSource.getConnection());
            }
            as(uncachedKey).get("/api/v1/payments").then().statusCode(503)
                    .header("Retry-After", equalTo("5"))
                    .body("error.type", equalTo("service_unavailable"))
                    .body("error.message", containsString("no database connection came free"));
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_unavailable_total{reason=\"connections\"}"));
        as(site.key()).get("/api/v1/payments").then().statusCode(200);
    }
}
