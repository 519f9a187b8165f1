package dev.payments.webhooks.stripeimport;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payments.account.directory.WebsiteDirectory;
import dev.payments.account.directory.WebsiteSnapshot;
import dev.payments.platform.errors.ApiException;
import dev.payments.webhooks.deliveries.EventRecorder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Stripe history imports (contract section 8): started here, run in the background on a virtual thread of their own
 * (never a request's), one at a time per website.
 */
@ApplicationScoped
public class StripeImportService {

    @Inject
    StripeImports store;

    @Inject
    StripeImportConfig config;

    @Inject
    EventRecorder recorder;

    @Inject
    ObjectMapper json;

    @Inject
    WebsiteDirectory websites;

    /** Starts an import with the key, which stays in that import's memory only; 409 while another one runs. */
    public StripeImportView start(String websiteId, StripeImportRequest request) {
        Instant since = since(request.since());
        WebsiteSnapshot website = websites.find(websiteId).orElseThrow(() -> ApiException.noWebsite(websiteId));
        StripeImport started = store.start(websiteId, since);
        Thread.ofVirtual().name("stripe-import-" + started.id)
                .start(new StripeImportRun(started, website, request.apiKey(), this));
        return StripeImportView.of(started);
    }

    /** The website's latest import; 404 before its first. */
    public StripeImportView latest(String websiteId) {
        return store.latest(websiteId).map(StripeImportView::of)
                .orElseThrow(() -> ApiException.notFound("website " + websiteId + " has had no Stripe import"));
    }

    private static Instant since(String since) {
        try {
            return since == null ? null : Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("since must be an ISO 8601 instant, such as 2024-01-01T00:00:00Z", "since");
        }
    }
}
