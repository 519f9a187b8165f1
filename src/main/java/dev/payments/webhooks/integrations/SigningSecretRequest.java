package dev.payments.webhooks.integrations;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of PUT /websites/{websiteId}/integrations/{provider}. */
@Schema(name = "SigningSecret")
public record SigningSecretRequest(
        @Schema(minLength = 1, maxLength = 500, required = true, examples = "whsec_...",
                description = "The provider's webhook signing secret, as its dashboard shows it; never returned")
        @NotBlank(message = "is required")
        @Size(max = 500, message = "must be at most 500 characters")
        @Pattern(regexp = "^[\\x21-\\x7E]+$", message = "must be printable ASCII characters without spaces")
        String signingSecret) {
}
