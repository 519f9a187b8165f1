package dev.payments.account.websites;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.payments.account.directory.Website;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code _id}: the id again, as DataFast names it; {@code websiteId}: the id once more, in a creation's answer only. */
@Schema(name = "Website", requiredProperties = {"id", "_id", "domain", "name", "currency", "timezone",
    "trackingSuspended", "createdAt"})
public record WebsiteView(@Schema(examples = "665f0b3c4d2e1a0012345678") String id,
        @JsonProperty("_id") @Schema(description = "The id again, as DataFast names it") String _id,
        @Schema(examples = "example.com") String domain,
        String name,
        @Schema(description = "Reporting currency", examples = "USD") String currency,
        @Schema(examples = "Europe/Paris") String timezone,
        boolean trackingSuspended,
        Instant createdAt,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The id once more, in the answer to a creation only (as DataFast answers it)")
        String websiteId) {

    static WebsiteView of(Website w) {
        return new WebsiteView(w.id, w.id, w.domain, w.name, w.currency, w.timezone, w.trackingSuspended,
                w.createdAt, null);
    }

    static WebsiteView created(Website w) {
        return new WebsiteView(w.id, w.id, w.domain, w.name, w.currency, w.timezone, w.trackingSuspended,
                w.createdAt, w.id);
    }
}
