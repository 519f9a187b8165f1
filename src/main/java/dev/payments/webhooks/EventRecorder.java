package dev.payments.webhooks;

import dev.payments.errors.ApiException;
import dev.payments.errors.Failure;
import dev.payments.payments.CreateOutcome;
import dev.payments.payments.PaymentRequest;
import dev.payments.payments.PaymentService;
import dev.payments.websites.WebsiteSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Set;

/**
 * Records the payment a provider's event reports through the same rules as POST /api/v1/payments, for webhook
 * deliveries and history imports alike.
 */
@ApplicationScoped
class EventRecorder {

    @Inject
    PaymentService payments;

    @Inject
    Validator validator;

    /** What recording did: its outcome, or why the rules refused it (nothing stored then). */
    record Result(CreateOutcome outcome, String refusedBecause) {

        boolean refused() {
            return refusedBecause != null;
        }
    }

    /** Records an event that {@link ProviderEvent#records() records} something. */
    Result record(WebsiteSnapshot website, ProviderEvent event) throws SQLException {
        PaymentRequest payment = event.payment();
        Set<ConstraintViolation<PaymentRequest>> invalid = validator.validate(payment);
        if (!invalid.isEmpty()) {
            return new Result(null, Failure.of(invalid).message());
        }
        if (website.trackingSuspended()) {
            return new Result(null, "tracking is suspended for this website");
        }
        try {
            return new Result(payments.recordFromProvider(website, payment,
                    event.refundedAt() != null ? event.refundedAt() : Instant.now(), event.completeness()), null);
        } catch (ApiException e) {
            if (e.status() != 400) {
                throw e;
            }
            return new Result(null, e.getMessage());
        }
    }
}
