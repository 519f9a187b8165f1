package dev.payments.webhooks.deliveries;

import dev.payments.account.directory.WebsiteSnapshot;
import dev.payments.payments.PaymentRequest;
import dev.payments.payments.PaymentService;
import dev.payments.payments.writing.CreateOutcome;
import dev.payments.platform.errors.ApiException;
import dev.payments.platform.errors.Failure;
import dev.payments.webhooks.providers.ProviderEvent;
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
public class EventRecorder {

    @Inject
    PaymentService payments;

    @Inject
    Validator validator;

    @Inject
    DeletedTransactions deletedTransactions;

    /**
     * What recording did: its outcome; or, nothing stored, the reason why the rules refused it, or why its transaction,
     * deleted through the API, stays deleted.
     */
    public record Result(Kind kind, CreateOutcome outcome, String reason) {

        public enum Kind { RECORDED, REFUSED, DELETED }

        static Result refused(String reason) {
            return new Result(Kind.REFUSED, null, reason);
        }

        public boolean recorded() {
            return kind == Kind.RECORDED;
        }
    }

    /** Records an event that {@link ProviderEvent#records() records} something. */
    public Result record(WebsiteSnapshot website, ProviderEvent event) throws SQLException {
        PaymentRequest payment = event.payment();
        Set<ConstraintViolation<PaymentRequest>> invalid = validator.validate(payment);
        if (!invalid.isEmpty()) {
            return Result.refused(Failure.of(invalid).message());
        }
        if (website.trackingSuspended()) {
            return Result.refused("tracking is suspended for this website");
        }
        // checked once the id is known valid: a stray NUL in it would fail the query
        if (deletedTransactions.wasDeleted(website.id(), payment.transaction_id())) {
            return new Result(Result.Kind.DELETED, null,
                    "transaction " + payment.transaction_id() + " was deleted through the API");
        }
        try {
            return new Result(Result.Kind.RECORDED, payments.recordFromProvider(website, payment,
                    event.refundedAt() != null ? event.refundedAt() : Instant.now(),
                    event.increment() == null ? null : event.increment().key(), event.completeness()), null);
        } catch (ApiException e) {
            if (e.status() != 400) {
                throw e;
            }
            return Result.refused(e.getMessage());
        }
    }
}
