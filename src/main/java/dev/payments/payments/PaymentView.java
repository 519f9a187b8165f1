package dev.payments.payments;

import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A payment as GET /api/v1/payments returns it; components are named as on the wire. */
@Schema(name = "Payment")
public record PaymentView(
        @Schema(examples = "payment_456") String transaction_id,
        @Schema(examples = "29.99") BigDecimal amount,
        @Schema(examples = "USD") String currency,
        String datafast_visitor_id,
        String customer_email,
        String customer_name,
        String customer_id,
        boolean renewal,
        boolean refunded,
        Instant refunded_at,
        boolean is_free_trial,
        @Schema(examples = "2026-05-19T12:00:00Z") Instant timestamp) {

    static PaymentView of(Payment p) {
        return new PaymentView(p.transactionId, p.amount.stripTrailingZeros(), p.currency, p.visitorId,
                p.customerEmail, p.customerName, p.customerId, p.renewal, p.refunded, p.refundedAt, p.freeTrial,
                p.occurredAt);
    }
}
