package dev.payments.webhooks.stripeimport;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A Stripe history import, as it runs or once it ended. */
@Schema(name = "StripeImport", requiredProperties = {"id", "state", "payments", "refunds", "skipped", "startedAt"})
public record StripeImportView(
        String id,
        @Schema(enumeration = {"running", "done", "failed"}) String state,
        @Schema(nullable = true, description = "Why it failed; null unless failed") String reason,
        @Schema(description = "Payments recorded") int payments,
        @Schema(description = "Refunds recorded") int refunds,
        @Schema(description = "Objects that recorded nothing: already recorded, not paid, or refused by the rules")
        int skipped,
        Instant startedAt,
        @Schema(nullable = true) Instant finishedAt,
        @Schema(nullable = true, description = "The since it was started with; null for the whole history")
        Instant since) {

    static StripeImportView of(StripeImport run) {
        return new StripeImportView(run.id, run.state, run.reason, run.payments, run.refunds, run.skipped,
                run.startedAt, run.finishedAt, run.since);
    }
}
