package dev.payments.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a verified delivery answers, always a 200 so that the provider stops retrying: the message and transaction_id a
 * POST would have answered, or "Event ignored" with the event's type and, for an event the service uses but could not
 * record, the reason.
 */
@Schema(name = "WebhookAnswer", requiredProperties = "message")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookAnswer(
        @Schema(examples = "Payment recorded") String message,
        @Schema(description = "The payment recorded or changed", examples = "pi_3RlHe1R7UUImIKwk0Xq1Yb2c")
        String transaction_id,
        @Schema(description = "The type of an ignored event", examples = "payment_intent.created") String event,
        @Schema(description = "Why an event of a type the service uses recorded nothing: what it reports, its "
                + "event already processed, or its payment deleted through the API",
                examples = "payment_status is unpaid, not paid") String reason) {

    static final String IGNORED = "Event ignored";

    static WebhookAnswer recorded(String message, String transactionId) {
        return new WebhookAnswer(message, transactionId, null, null);
    }

    static WebhookAnswer ignored(String type, String reason) {
        return new WebhookAnswer(IGNORED, null, type, reason);
    }
}
