package dev.payments.webhooks.deliveries;

import dev.payments.webhooks.providers.Provider;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * payments_webhooks_total{provider, outcome}: deliveries of verified events by what became of them, and deliveries
 * refused for their signature. Every series exists from start-up, at 0.
 */
@Startup
@ApplicationScoped
public class WebhookMetrics {

    public enum Outcome {
        /** A payment, refund or trial recorded, or a delivery of it that changed nothing. */
        RECORDED,
        /** An event type the service does not use. */
        UNUSED,
        /** An event of a used type that records nothing (a partial refund, an unpaid checkout...). */
        IGNORED,
        /** An event the contract refuses to record (its amount, currency or fields): logged. */
        REFUSED,
        /** A delivery of an event already processed: changes nothing. */
        DUPLICATE,
        /** An event about a payment deleted through the API: changes nothing. */
        DELETED,
        /** A delivery whose processing failed (a server error): the provider's retry is processed. */
        FAILED,
        /** A missing, wrong or stale signature: 400. */
        INVALID_SIGNATURE
    }

    private final Map<Provider, Map<Outcome, Counter>> counters = new EnumMap<>(Provider.class);

    WebhookMetrics(MeterRegistry registry) {
        for (Provider provider : Provider.values()) {
            Map<Outcome, Counter> byOutcome = new EnumMap<>(Outcome.class);
            for (Outcome outcome : Outcome.values()) {
                byOutcome.put(outcome, Counter.builder("payments.webhooks").description("Provider webhook deliveries")
                        .tag("provider", provider.wire()).tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                        .register(registry));
            }
            counters.put(provider, byOutcome);
        }
    }

    public void count(Provider provider, Outcome outcome) {
        counters.get(provider).get(outcome).increment();
    }
}
