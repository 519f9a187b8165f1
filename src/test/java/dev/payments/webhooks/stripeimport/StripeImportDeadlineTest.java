package dev.payments.webhooks.stripeimport;

import static dev.payments.support.Fixtures.website;
import static dev.payments.webhooks.stripeimport.ImportCalls.finished;
import static dev.payments.webhooks.stripeimport.ImportCalls.key;
import static dev.payments.webhooks.stripeimport.ImportCalls.start;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An import is bounded in time: one that cannot finish within the deadline ends failed, with the reason. */
@QuarkusTest
@TestProfile(StripeImportDeadlineTest.ShortDeadline.class)
class StripeImportDeadlineTest {

    public static class ShortDeadline extends AgainstFakeStripe {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("payments.stripe-import.deadline", "1s");
            overrides.put("payments.stripe-import.max-retries", "100");
            return overrides;
        }
    }

    @Test
    void shouldFailAnImportThatWouldWaitPastItsDeadline() {
        String websiteId = website().id();
        String key = key();
        // each 429 asks for a wait of a second (Retry-After), which the deadline no longer leaves
        FakeStripe.account(key).alwaysFailWith(429);
        start(websiteId, key).statusCode(202);
        finished(websiteId).body("data[0].state", equalTo("failed"))
                .body("data[0].reason", equalTo("the import did not finish within PT1S"));
    }
}
