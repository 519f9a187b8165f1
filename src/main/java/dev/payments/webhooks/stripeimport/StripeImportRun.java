package dev.payments.webhooks.stripeimport;

import static dev.payments.webhooks.providers.EventFields.epochSeconds;

import com.fasterxml.jackson.databind.JsonNode;
import dev.payments.account.directory.WebsiteSnapshot;
import dev.payments.webhooks.deliveries.EventRecorder;
import dev.payments.webhooks.providers.EventFields;
import dev.payments.webhooks.providers.ProviderEvent;
import dev.payments.webhooks.providers.StripeEvents;
import dev.payments.webhooks.stripeimport.StripePages.ImportFailed;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * One import, on a thread of its own: Stripe's lists read in turn, each object mapped by {@link StripeEvents} as the
 * webhook of it would be (same transaction ids), and recorded as that webhook would be, so an import after the
 * webhooks, or a second import, adds nothing twice. Invoices come before checkout sessions (a subscription's checkout
 * then finds its invoice's payment), then refunds, and lost disputes last. Paid charges are not read: the webhooks record no charge that is
 * not a checkout's or an invoice's, and a charge of an invoice no longer names it in recent API versions. The key lives
 * in {@link StripePages} for this run only.
 */
final class StripeImportRun implements Runnable {

    private static final Logger LOG = Logger.getLogger(StripeImportRun.class);

    private final StripeImport started;
    private final WebsiteSnapshot website;
    private final StripeImports store;
    private final EventRecorder recorder;
    private final StripePages pages;
    private final ImportCounts counts = new ImportCounts();

    StripeImportRun(StripeImport started, WebsiteSnapshot website, String apiKey, StripeImportService owner) {
        this.started = started;
        this.website = website;
        this.store = owner.store;
        this.recorder = owner.recorder;
        this.pages = new StripePages(apiKey, owner.config, owner.json, started.startedAt.plus(owner.config.deadline()),
                this::progress);
    }

    @Override
    public void run() {
        String failure = null;
        try {
            importAll();
        } catch (ImportFailed e) {
            failure = e.getMessage();
        } catch (Exception e) {
            LOG.errorf(e, "Stripe import %s of website %s stopped", started.id, website.id());
            failure = "an internal error stopped the import";
        }
        try {
            store.finish(started.id, counts, failure);
            LOG.infof("Stripe import %s of website %s ended: %s; %d payments, %d refunds, %d skipped", started.id,
                    website.id(), failure == null ? "done" : failure, counts.payments(), counts.refunds(),
                    counts.skipped());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Stripe import %s of website %s could not be marked ended; it will count as failed once "
                    + "stale", started.id, website.id());
        }
    }

    private void importAll() throws SQLException {
        Instant since = started.since;
        pages.forEach("/v1/invoices", "&status=paid", since,
                invoice -> record(() -> StripeEvents.invoice("invoice.paid", invoice, created(invoice))));
        pages.forEach("/v1/checkout/sessions", "&status=complete", since, session -> record(
                () -> StripeEvents.checkout("checkout.session.completed", session, created(session))));
        // each refund of a charge refunded in parts names the same charge, whose cumulative refund is recorded once,
        // dated by its latest refund (the list is newest first)
        Set<String> refundedCharges = new HashSet<>();
        pages.forEach("/v1/refunds", "&expand%5B%5D=data.charge", since, refund -> {
            JsonNode charge = refund.path("charge");
            if (!charge.isObject()) {
                counts.skip();
            } else if (refundedCharges.add(EventFields.text(charge, "id"))) {
                record(() -> StripeEvents.refund("charge.refunded", charge, created(refund)));
            }
        });
        // a dispute states no time of closing: a lost one is dated by its creation (the webhook, by its closing)
        pages.forEach("/v1/disputes", "", since, dispute -> record(
                () -> StripeEvents.dispute("charge.dispute.closed", dispute, created(dispute))));
    }

    private void record(Supplier<ProviderEvent> mapping) throws SQLException {
        ProviderEvent event;
        try {
            event = mapping.get();
        } catch (IllegalArgumentException e) {
            counts.skip();
            return;
        }
        if (!event.records()) {
            counts.skip();
            return;
        }
        EventRecorder.Result result = recorder.record(website, event);
        if (result.recorded()) {
            counts.count(result.outcome());
        } else {
            counts.skip();
        }
    }

    private void progress() {
        if (!store.progress(started.id, counts)) {
            throw new ImportFailed("the import was ended elsewhere (taken as stopped, or its website deleted)");
        }
    }

    private static Instant created(JsonNode object) {
        return epochSeconds(object, "created");
    }
}
