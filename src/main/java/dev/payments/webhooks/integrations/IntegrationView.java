package dev.payments.webhooks.integrations;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A connected provider, never with its secret. */
@Schema(name = "Integration", requiredProperties = {"provider", "webhookPath", "createdAt", "lastEventAt"})
public record IntegrationView(
        @Schema(enumeration = {"stripe", "lemonsqueezy", "polar", "paddle"}) String provider,
        @Schema(description = "Where the provider sends its webhooks, under this service's address",
                examples = "/api/v1/webhooks/stripe/65f1c0a2b3d4e5f6a7b8c9d0") String webhookPath,
        Instant createdAt,
        @Schema(nullable = true, description = "When the last verified event arrived; null until one has")
        Instant lastEventAt) {

    static IntegrationView of(WebhookIntegration integration) {
        return new IntegrationView(integration.provider, "/api/v1/webhooks/" + integration.provider + "/"
                + integration.websiteId, integration.createdAt, integration.lastEventAt);
    }
}
