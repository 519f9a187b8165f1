package dev.payments.account.websites;

import dev.payments.currency.IsoCurrency;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.CodePointLength;

/** Bodies of POST and PUT /api/v1/admin/websites. */
public final class WebsiteRequests {

    private WebsiteRequests() {
    }

    @Schema(name = "CreateWebsite")
    public record Create(
            @Schema(examples = "example.com", required = true)
            @NotBlank(message = "is required") @Size(max = 253, message = "must be at most 253 characters") String domain,
            @Schema(maxLength = 255, description = "Defaults to the domain")
            @CodePointLength(max = 255, message = "must be at most 255 characters") String name,
            @Schema(description = "Reporting currency, default USD", examples = "EUR") @IsoCurrency String currency,
            @Schema(description = "IANA time zone, default UTC", examples = "Europe/Paris")
            @Size(max = 64, message = "must be at most 64 characters") String timezone) {
    }

    @Schema(name = "UpdateWebsite", description = "Members left out stay as they are")
    public record Update(
            @Schema(minLength = 1, maxLength = 255)
            @CodePointLength(min = 1, max = 255, message = "must be 1 to 255 characters") String name,
            @IsoCurrency String currency,
            @Size(max = 64, message = "must be at most 64 characters") String timezone,
            Boolean trackingSuspended) {
    }
}
