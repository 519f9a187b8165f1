package dev.payments.payments.reading;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A payment as GET /api/v1/payments returns it; components are named as on the wire. */
@Schema(name = "Payment", requiredProperties = {"transaction_id", "amount", "currency", "reporting_amount",
    "reporting_currency", "datafast_visitor_id", "datafast_session_id", "customer_email", "customer_name", "customer_id",
    "renewal", "refunded", "refunded_at", "refunded_amount", "is_free_trial", "timestamp"})
public record PaymentView(
        @Schema(examples = "payment_456") String transaction_id,
        @Schema(examples = "29.99") BigDecimal amount,
        @Schema(examples = "USD") String currency,
        @Schema(description = "The amount in the website's reporting currency at the ECB reference rate of the "
                + "payment's date; null while that rate is not known yet (pending)", examples = "27.43",
                nullable = true)
        BigDecimal reporting_amount,
        @Schema(description = "The website's reporting currency", examples = "EUR") String reporting_currency,
        @Schema(nullable = true) String datafast_visitor_id,
        @Schema(nullable = true) String datafast_session_id,
        @Schema(nullable = true) String customer_email,
        @Schema(nullable = true) String customer_name,
        @Schema(nullable = true) String customer_id,
        boolean renewal,
        @Schema(description = "Whether it is refunded whole") boolean refunded,
        @Schema(nullable = true, description = "When its latest refund was recorded; null if never refunded")
        Instant refunded_at,
        @Schema(nullable = true, description = "The total refunded so far, in the payment's currency (partial "
                + "refunds included); null if never refunded", examples = "7.5")
        BigDecimal refunded_amount,
        @JsonProperty("is_free_trial") boolean is_free_trial,
        @Schema(examples = "2026-05-19T12:00:00Z") Instant timestamp) {
}
