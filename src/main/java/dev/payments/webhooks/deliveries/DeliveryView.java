package dev.payments.webhooks.deliveries;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A delivery as listed for troubleshooting: never the body, its personal data or the secret. */
@Schema(name = "WebhookDelivery", requiredProperties = {"eventId", "receivedAt", "outcome"})
public record DeliveryView(
        @Schema(nullable = true, examples = "checkout.session.completed") String type,
        @Schema(description = "The provider's event id (Stripe's event id, Polar's webhook-id, Paddle's "
                + "notification_id); for Lemon Squeezy, which sends none, the body's SHA-256 in hex",
                examples = "evt_1RlHe3R7UUImIKwkQOxX4eYe") String eventId,
        Instant receivedAt,
        @Schema(description = "recorded; unused (a type the service does not use); ignored (a used type that records "
                + "nothing); refused (the contract refuses what it reports); duplicate (already processed); deleted "
                + "(its payment was deleted through the API); failed (a server error: the provider's retry is "
                + "processed); processing",
                enumeration = {"recorded", "unused", "ignored", "refused", "duplicate", "deleted", "failed",
                        "processing"}) String outcome,
        @Schema(nullable = true, description = "The answer's message, or why nothing was recorded",
                examples = "Payment recorded") String message,
        @Schema(nullable = true, examples = "pi_3RlHe1R7UUImIKwk0Xq1Yb2c") String transactionId) {
}
