package dev.payments.payments.web;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The plain (unwrapped) 200 body of POST /api/v1/payments. */
@Schema(name = "PaymentRecorded", requiredProperties = {"message", "transaction_id"})
public record CreateResponse(@Schema(examples = "Payment recorded") String message,
        @Schema(examples = "payment_456") String transaction_id) {
}
