package dev.payments.webhooks.stripeimport;

import com.stripe.model.StripeError;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What stripe-java reads or writes with Gson by reflection when the import calls Stripe, for the native image: the
 * error it parses from a failed answer, and the telemetry it sends with the next request. The import reads no typed
 * model (it keeps Stripe's raw JSON), so no other model class is needed.
 */
@RegisterForReflection(targets = StripeError.class, classNames = {
        "com.stripe.net.RequestTelemetry$ClientTelemetryPayload",
        "com.stripe.net.RequestTelemetry$RequestMetrics"}, methods = true, fields = true)
final class StripeNativeClasses {

    private StripeNativeClasses() {
    }
}
