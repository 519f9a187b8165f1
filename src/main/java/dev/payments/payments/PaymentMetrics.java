package dev.payments.payments;

import dev.payments.payments.writing.CreateOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Prometheus counters of committed outcomes: payments_created_total{outcome}, payments_delete_requests_total{by} and
 * payments_deleted_total{by} (rows). Every series exists from start-up, at 0.
 */
@Startup
@ApplicationScoped
class PaymentMetrics {

    private static final String[] DELETE_KINDS = {"transaction", "visitor", "range", "website"};

    private final Map<CreateOutcome, Counter> created = new EnumMap<>(CreateOutcome.class);
    private final Map<String, Counter> deleteRequests;
    private final Map<String, Counter> deletedRows;

    PaymentMetrics(MeterRegistry registry) {
        for (CreateOutcome outcome : CreateOutcome.values()) {
            created.put(outcome, Counter.builder("payments.created").description("Payment POSTs by outcome")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT)).register(registry));
        }
        deleteRequests = counters(registry, "payments.delete.requests", "Payment DELETEs that succeeded");
        deletedRows = counters(registry, "payments.deleted", "Payments deleted");
    }

    void onRecorded(@Observes(during = TransactionPhase.AFTER_SUCCESS) PaymentEvents.Recorded event) {
        created.get(event.outcome()).increment();
    }

    void onDeleted(@Observes(during = TransactionPhase.AFTER_SUCCESS) PaymentEvents.Deleted event) {
        deleteRequests.get(event.by()).increment();
        deletedRows.get(event.by()).increment(event.count());
    }

    private static Map<String, Counter> counters(MeterRegistry registry, String name, String description) {
        Map<String, Counter> counters = new HashMap<>();
        for (String by : DELETE_KINDS) {
            counters.put(by, Counter.builder(name).description(description).tag("by", by).register(registry));
        }
        return counters;
    }
}
