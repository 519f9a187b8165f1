package dev.payments.platform.ratelimit;

import static dev.payments.support.Fixtures.apiKey;
import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.payment;
import static dev.payments.support.Fixtures.unique;
import static dev.payments.support.Fixtures.website;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payments.support.Fixtures.TestWebsite;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each key or token has its own quota; every response says what is left, and a spent quota answers 429. */
@QuarkusTest
@TestProfile(RateLimitTest.SmallQuota.class)
class RateLimitTest {

    /** Large enough for the fixtures' own admin calls with the bootstrap token, small enough to spend in a test. */
    static final int QUOTA = 40;

    public static class SmallQuota implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("payments.rate-limit.requests", String.valueOf(QUOTA), "payments.rate-limit.period", "1h");
        }
    }

    @Test
    void shouldTellEveryCallerItsQuota() {
        TestWebsite site = website();
        as(site.key()).get("/api/v1/payments").then().statusCode(200)
                .header("RateLimit-Limit", String.valueOf(QUOTA))
                .header("RateLimit-Remaining", String.valueOf(QUOTA - 1))
                .header("RateLimit-Reset", matchesPattern("[1-9][0-9]*"));
    }

    @Test
    void shouldAnswer429WithRetryAfterOnceTheQuotaIsSpent() {
        TestWebsite site = website();
        spend(site.key());
        Response refused = as(site.key()).get("/api/v1/payments");
        refused.then().statusCode(429)
                .header("RateLimit-Remaining", "0")
                .body("status", equalTo("error"))
                .body("error.code", equalTo(429))
                .body("error.type", equalTo("rate_limited"));
        assertTrue(Integer.parseInt(refused.header("Retry-After")) > 0, refused.headers().toString());
    }

    @Test
    void shouldCountEveryItemOfABatch() {
        TestWebsite site = website();
        List<Map<String, Object>> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add(payment(unique("tx")));
        }
        as(site.key()).contentType(ContentType.JSON).body(ten).post("/api/v1/payments/batch").then().statusCode(200)
                .header("RateLimit-Remaining", String.valueOf(QUOTA - 10));
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < QUOTA; i++) {
            tooMany.add(payment(unique("tx")));
        }
        as(site.key()).contentType(ContentType.JSON).body(tooMany).post("/api/v1/payments/batch").then()
                .statusCode(429);
    }

    @Test
    void shouldRefuseARecordingOverTheQuotaWithoutStoringIt() {
        TestWebsite site = website();
        spend(site.key());
        as(site.key()).contentType("application/json").body(payment("tx_over_quota"))
                .post("/api/v1/payments").then().statusCode(429);
        as(apiKey(site.id())).queryParam("transaction_id", "tx_over_quota").get("/api/v1/payments")
                .then().statusCode(200).body("data.size()", equalTo(0));
    }

    @Test
    void shouldKeepASeparateQuotaForEveryKey() {
        TestWebsite site = website();
        String otherKey = apiKey(site.id());
        spend(site.key());
        as(otherKey).get("/api/v1/payments").then().statusCode(200)
                .header("RateLimit-Remaining", String.valueOf(QUOTA - 1));
    }

    @Test
    void shouldSendNoQuotaHeadersWithoutAValidToken() {
        as("df_unknown_key").get("/api/v1/payments").then().statusCode(401)
                .header("RateLimit-Remaining", nullValue());
    }

    private static void spend(String key) {
        for (int i = 0; i < QUOTA; i++) {
            as(key).get("/api/v1/payments").then().statusCode(200);
        }
    }
}
