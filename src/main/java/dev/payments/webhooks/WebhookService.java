package dev.payments.webhooks;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payments.errors.ApiException;
import dev.payments.http.Identifiers;
import dev.payments.webhooks.WebhookMetrics.Outcome;
import dev.payments.websites.WebsiteDirectory;
import dev.payments.websites.WebsiteSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Receives a provider's delivery: 404 unless the provider is connected to the website, 400 unless the provider's
 * signature over the raw body holds, then records what the event reports through the same path as POST
 * /api/v1/payments. A verified event always gets a 200, even when it records nothing, so that the provider does not
 * retry it for days.
 */
@ApplicationScoped
public class WebhookService {

    private static final Logger LOG = Logger.getLogger(WebhookService.class);

    @Inject
    WebsiteDirectory websites;

    @Inject
    IntegrationService integrations;

    @Inject
    EventRecorder recorder;

    @Inject
    ObjectMapper json;

    @Inject
    WebhookMetrics metrics;

    public WebhookAnswer receive(String providerName, String websiteId, Map<String, List<String>> headers, byte[] body)
            throws SQLException {
        Provider provider = Provider.of(providerName);
        WebsiteSnapshot website = websites.find(Identifiers.inPath(websiteId, "website"))
                .orElseThrow(() -> ApiException.noWebsite(websiteId));
        String secret = integrations.secret(websiteId, provider);
        String payload = new String(body, StandardCharsets.UTF_8);
        try {
            provider.events().verify(payload, headers, secret);
        } catch (ProviderEvents.InvalidSignature e) {
            metrics.count(provider, Outcome.INVALID_SIGNATURE);
            throw ApiException.badRequest("invalid " + provider.wire() + " webhook signature: " + e.getMessage());
        }
        JsonNode delivery = parse(payload);
        integrations.eventReceived(websiteId, provider, Instant.now());
        ProviderEvent event;
        try {
            event = provider.events().read(delivery);
        } catch (IllegalArgumentException e) {
            return refused(provider, websiteId, provider.events().type(delivery), e.getMessage());
        }
        if (!event.records()) {
            metrics.count(provider, event.ignoredBecause() == null ? Outcome.UNUSED : Outcome.IGNORED);
            return WebhookAnswer.ignored(event.type(), event.ignoredBecause());
        }
        return record(provider, website, event);
    }

    private WebhookAnswer record(Provider provider, WebsiteSnapshot website, ProviderEvent event) throws SQLException {
        EventRecorder.Result result = recorder.record(website, event);
        if (result.refused()) {
            return refused(provider, website.id(), event.type(), result.refusedBecause());
        }
        metrics.count(provider, Outcome.RECORDED);
        return WebhookAnswer.recorded(result.outcome().message(), event.payment().transaction_id());
    }

    private JsonNode parse(String payload) {
        try {
            JsonNode event = json.readTree(payload);
            if (event == null || !event.isObject()) {
                throw ApiException.badRequest("the webhook body must be a JSON object");
            }
            return event;
        } catch (JacksonException e) {
            throw ApiException.badRequest("the webhook body is not JSON");
        }
    }

    private WebhookAnswer refused(Provider provider, String websiteId, String type, String reason) {
        LOG.warnf("Ignored a %s %s event for website %s: %s", provider.wire(), type, websiteId, reason);
        metrics.count(provider, Outcome.REFUSED);
        return WebhookAnswer.ignored(type, reason);
    }
}
