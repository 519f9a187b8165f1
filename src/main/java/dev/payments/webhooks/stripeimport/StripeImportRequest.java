package dev.payments.webhooks.stripeimport;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of POST /websites/{websiteId}/integrations/stripe/import. */
@Schema(name = "StripeImportRequest")
public record StripeImportRequest(
        @Schema(required = true, maxLength = 255, examples = "rk_live_...",
                description = "A Stripe secret key or restricted key with read access to checkout sessions, invoices "
                        + "and refunds; used for this import only, never stored")
        @NotBlank(message = "is required")
        @Size(max = 255, message = "must be at most 255 characters")
        @Pattern(regexp = "^(sk|rk)_[A-Za-z0-9_]+$", message = "must be a Stripe secret (sk_) or restricted (rk_) key")
        String apiKey,
        @Schema(nullable = true, examples = "2024-01-01T00:00:00Z",
                description = "Import only what was created from this instant on; the whole history when absent")
        String since) {
}
