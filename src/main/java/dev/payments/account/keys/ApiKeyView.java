package dev.payments.account.keys;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.payments.account.credentials.WebsiteKey;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ApiKey", requiredProperties = {"id", "_id", "name", "displayKey", "websiteId", "createdAt",
    "lastUsedAt"})
public record ApiKeyView(String id,
        @JsonProperty("_id") @Schema(description = "The id again, as DataFast names it") String _id,
        String name,
        @Schema(examples = "df_ab12...xyz9") String displayKey,
        String websiteId, Instant createdAt,
        @Schema(nullable = true, description = "Null until first used; written at most once a minute")
        Instant lastUsedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The raw key: only in the response that created or rolled it") String key) {

    static ApiKeyView of(WebsiteKey k, String rawKey) {
        return new ApiKeyView(k.id, k.id, k.name, k.displayKey, k.websiteId, k.createdAt, k.lastUsedAt, rawKey);
    }
}
