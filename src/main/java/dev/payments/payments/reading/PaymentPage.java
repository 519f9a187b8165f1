package dev.payments.payments.reading;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The response of GET /api/v1/payments: newest first, with the cursor of the next page. */
@Schema(name = "PaymentPage", requiredProperties = {"status", "data", "pagination"})
public record PaymentPage(@Schema(enumeration = "success") String status, List<PaymentView> data, Pagination pagination) {

    public PaymentPage(List<PaymentView> data, int limit, String nextCursor) {
        this("success", data, new Pagination(limit, nextCursor));
    }

    @Schema(name = "Pagination", requiredProperties = {"limit", "next_cursor"})
    public record Pagination(int limit,
            @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(description = "Null on the last page", nullable = true)
            String next_cursor) {
    }
}
