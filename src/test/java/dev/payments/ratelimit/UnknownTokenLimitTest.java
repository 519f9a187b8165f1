package dev.payments.ratelimit;

import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.website;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payments.auth.Secrets;
import dev.payments.support.Fixtures.TestWebsite;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Random tokens cannot tie up the database: past its quota of unknown tokens, a client address gets 429 before its
 * tokens are looked up, while keys already known valid keep working.
 */
@QuarkusTest
@TestProfile(UnknownTokenLimitTest.FewUnknownTokens.class)
class UnknownTokenLimitTest {

    static final int QUOTA = 5;

    public static class FewUnknownTokens implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("payments.rate-limit.unknown-tokens", String.valueOf(QUOTA),
                    "payments.rate-limit.period", "1h");
        }
    }

    @Test
    void shouldAnswer429ToAnAddressPastItsUnknownTokensAndKeepServingKnownKeys() {
        TestWebsite site = website();
        as(site.key()).get("/api/v1/payments").then().statusCode(200);
        for (int i = 0; i < QUOTA; i++) {
            as(randomKey()).get("/api/v1/payments").then().statusCode(401);
        }
        Response refused = as(randomKey()).get("/api/v1/payments");
        refused.then().statusCode(429)
                .body("error.code", equalTo(429))
                .body("error.type", equalTo("rate_limited"));
        assertTrue(Integer.parseInt(refused.header("Retry-After")) > 0, refused.headers().toString());
        as(site.key()).get("/api/v1/payments").then().statusCode(200);
    }

    private static String randomKey() {
        return Secrets.newSecret(Secrets.WEBSITE_KEY_PREFIX);
    }
}
