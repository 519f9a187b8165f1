package dev.payments.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of POST /websites/{websiteId}/apikeys. */
@Schema(name = "CreateApiKey")
public record NameRequest(
        @Schema(examples = "Stripe webhook", required = true)
        @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters") String name) {
}
