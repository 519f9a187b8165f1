package dev.payments.account.tokens;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.payments.account.credentials.AccountToken;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AccessToken", requiredProperties = {"id", "_id", "name", "displayKey", "permissions", "websiteIds",
    "createdAt", "lastUsedAt"})
public record AccessTokenView(String id,
        @JsonProperty("_id") @Schema(description = "The id again, as DataFast names it") String _id,
        String name,
        @Schema(examples = "dft_ab12...xyz9") String displayKey,
        @Schema(examples = "[\"payments:write\", \"payments:read\"]") List<String> permissions,
        @Schema(description = "Empty: every website") List<String> websiteIds,
        Instant createdAt,
        @Schema(nullable = true, description = "Null until first used; written at most once a minute")
        Instant lastUsedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The raw token: only in the response that created it") String key) {

    static AccessTokenView of(AccountToken t, String rawToken) {
        return new AccessTokenView(t.id, t.id, t.name, t.displayKey, t.permissions, t.websiteIds, t.createdAt,
                t.lastUsedAt, rawToken);
    }
}
