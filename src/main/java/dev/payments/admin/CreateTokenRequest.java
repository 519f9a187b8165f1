package dev.payments.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.CodePointLength;

/** Body of POST /api/v1/admin/access-tokens. */
@Schema(name = "CreateAccessToken")
public record CreateTokenRequest(
        @Schema(maxLength = 100, examples = "billing backend", required = true)
        @NotBlank(message = "is required")
        @CodePointLength(max = 100, message = "must be at most 100 characters") String name,
        @Schema(examples = "[\"payments:write\", \"payments:read\"]", required = true)
        @NotEmpty(message = "must name at least one permission")
        @Size(max = 7, message = "has at most 7 entries") List<@NotNull(message = "must not contain null") String> permissions,
        @Schema(description = "Websites the token may act on; empty or absent: every website")
        @Size(max = 1000, message = "has at most 1000 entries") List<@NotNull(message = "must not contain null") String> websiteIds) {
}
