package dev.payments.admin;

import dev.payments.websites.Website;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Website")
public record WebsiteView(@Schema(examples = "665f0b3c4d2e1a0012345678") String id,
        @Schema(examples = "example.com") String domain,
        String name,
        @Schema(description = "Reporting currency", examples = "USD") String currency,
        @Schema(examples = "Europe/Paris") String timezone,
        boolean trackingSuspended,
        Instant createdAt) {

    static WebsiteView of(Website w) {
        return new WebsiteView(w.id, w.domain, w.name, w.currency, w.timezone, w.trackingSuspended, w.createdAt);
    }
}
