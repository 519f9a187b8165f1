package dev.payments.webhooks.providers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.payments.payments.PaymentRequest;
import java.math.BigDecimal;
import java.time.Instant;

/** A payment as an event describes it, built field by field into the body a POST would have sent. */
final class PaymentDraft {

    private static final String VISITOR = "datafast_visitor_id";
    private static final String SESSION = "datafast_session_id";

    private final String transactionId;
    private final BigDecimal amount;
    private final String currency;
    private final Instant occurredAt;
    private String visitorId;
    private String sessionId;
    private String email;
    private String name;
    private String customerId;
    private boolean renewal;
    private boolean refunded;
    private BigDecimal refundedAmount;
    private Boolean freeTrial;

    PaymentDraft(String transactionId, BigDecimal amount, String currency, Instant occurredAt) {
        this.transactionId = transactionId;
        this.amount = amount;
        this.currency = currency;
        this.occurredAt = occurredAt;
    }

    /** The visitor and session from the metadata keys DataFast asks its users to set at checkout. */
    PaymentDraft attribution(JsonNode metadata) {
        visitorId = EventFields.text(metadata, VISITOR);
        sessionId = EventFields.text(metadata, SESSION);
        return this;
    }

    PaymentDraft customer(String email, String name, String customerId) {
        this.email = email;
        this.name = name;
        this.customerId = customerId;
        return this;
    }

    PaymentDraft renewal(boolean renewal) {
        this.renewal = renewal;
        return this;
    }

    PaymentDraft refunded() {
        this.refunded = true;
        return this;
    }

    /** A refund of {@code total} so far (cumulative, in major units of the payment's currency). */
    PaymentDraft refunded(BigDecimal total) {
        this.refunded = true;
        this.refundedAmount = total;
        return this;
    }

    PaymentDraft freeTrial() {
        this.freeTrial = true;
        return this;
    }

    PaymentRequest toRequest() {
        return new PaymentRequest(amount, currency, transactionId, visitorId, sessionId, null, email, null, name,
                customerId, renewal, refunded, refundedAmount, freeTrial, occurredAt == null ? null : occurredAt.toString());
    }
}
