package dev.payments.account.keys;

import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.CodePointLength;

/** Body of POST /websites/{websiteId}/apikeys. */
@Schema(name = "CreateApiKey")
public record NameRequest(
        @Schema(maxLength = 100, examples = "Stripe webhook", required = true)
        @NotBlank(message = "is required")
        @CodePointLength(max = 100, message = "must be at most 100 characters") String name) {
}
