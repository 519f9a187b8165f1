package dev.payments.webhooks.stripeimport;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Stripe's API is {@link FakeStripe}; pages of two objects, so that every list is paged; short waits. */
public class AgainstFakeStripe implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("payments.stripe-import.api-base", FakeStripe.apiBase(),
                "payments.stripe-import.page-size", "2",
                "payments.stripe-import.max-retries", "2",
                "payments.stripe-import.retry-delay", "10ms");
    }
}
