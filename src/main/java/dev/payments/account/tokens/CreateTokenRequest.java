package dev.payments.account.tokens;

import jakarta.validation.constraints.NotBlank;
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
        @Schema(description = "Absent: the calling token's own. DataFast's names are accepted: settings:read and "
                + "settings:write read and update websites; analytics:read, goals:write, funnels:read, funnels:write, "
                + "alerts:write and team:write are kept but grant nothing here",
                examples = "[\"payments:write\", \"payments:read\"]")
        @Size(min = 1, max = 15, message = "must name 1 to 15 permissions")
        List<@NotNull(message = "must not contain null") String> permissions,
        @Schema(description = "Websites the token may act on; empty or absent: every website")
        @Size(max = 1000, message = "has at most 1000 entries") List<@NotNull(message = "must not contain null") String> websiteIds) {
}
