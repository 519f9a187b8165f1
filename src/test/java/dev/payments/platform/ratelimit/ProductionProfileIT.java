package dev.payments.platform.ratelimit;

import static dev.payments.support.Fixtures.as;
import static dev.payments.support.Fixtures.website;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.smallrye.config.WithDefault;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Run only by the failsafe execution production-profile (pom.xml), beside the contract suite: the packaged application
 * there runs with the production profile, so a key gets the production quota, not the test profile's 1,000,000.
 */
@QuarkusIntegrationTest
@Tag("production-profile")
class ProductionProfileIT {

    @Test
    void shouldGiveEveryKeyTheProductionQuota() throws NoSuchMethodException {
        String production = RateLimitConfig.class.getMethod("requests").getAnnotation(WithDefault.class).value();
        as(website().key()).get("/api/v1/payments").then().statusCode(200)
                .header("RateLimit-Limit", equalTo(production));
    }
}
