package dev.payments.webhooks;

import static dev.payments.support.Fixtures.website;
import static dev.payments.webhooks.Deliveries.connect;
import static dev.payments.webhooks.Deliveries.deliver;
import static dev.payments.webhooks.Deliveries.fixture;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The webhook route takes no token, so deliveries that do not verify count against their address as unknown tokens do:
 * past the quota, 429 before anything is looked up.
 */
@QuarkusTest
@TestProfile(UnverifiedDeliveryLimitTest.FewFailures.class)
class UnverifiedDeliveryLimitTest {

    static final int QUOTA = 3;

    public static class FewFailures implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("payments.rate-limit.unknown-tokens", String.valueOf(QUOTA),
                    "payments.rate-limit.period", "1h");
        }
    }

    @Test
    void shouldAnswer429ToAnAddressPastItsQuotaOfUnverifiedDeliveries() {
        String websiteId = website().id();
        connect(websiteId, "stripe");
        String body = fixture("stripe", "checkout.session.completed.payment");
        for (int i = 0; i < QUOTA; i++) {
            deliver("stripe", websiteId, "whsec_wrong", body).statusCode(400);
        }
        deliver("stripe", websiteId, "whsec_wrong", body).statusCode(429)
                .body("error.type", equalTo("rate_limited"));
    }
}
