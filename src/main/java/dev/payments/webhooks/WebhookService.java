package dev.payments.webhooks;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payments.account.directory.WebsiteDirectory;
import dev.payments.account.directory.WebsiteSnapshot;
import dev.payments.platform.errors.ApiException;
import dev.payments.platform.http.Identifiers;
import dev.payments.webhooks.deliveries.DeletedTransactions;
import dev.payments.webhooks.deliveries.DeliveryLog;
import dev.payments.webhooks.deliveries.EventRecorder;
import dev.payments.webhooks.deliveries.WebhookMetrics;
import dev.payments.webhooks.deliveries.WebhookMetrics.Outcome;
import dev.payments.webhooks.integrations.IntegrationService;
import dev.payments.webhooks.providers.HexHmac;
import dev.payments.webhooks.providers.Provider;
import dev.payments.webhooks.providers.ProviderEvent;
import dev.payments.webhooks.providers.ProviderEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Receives a provider's delivery: 404 unless the provider is connected to the website, 400 unless the provider's
 * signature over the raw body holds, then records what the event reports through the same path as POST
 * /api/v1/payments, once per event ({@link DeliveryLog}) and never about a payment deleted through the API
 * ({@link DeletedTransactions}). A verified event always gets a 200, even when it records nothing, so that the
 * provider does not retry it for days; a server error releases the event, so that the provider's retry is processed.
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

    @Inject
    DeliveryLog log;

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
        JsonNode event = parse(payload);
        integrations.eventReceived(websiteId, provider, Instant.now());
        String eventId = provider.events().eventId(event, headers, body);
        DeliveryLog.Delivery delivery = new DeliveryLog.Delivery(websiteId, provider,
                eventId != null ? eventId : HexHmac.sha256Hex(body), provider.events().type(event));
        Optional<Long> claim = log.claim(delivery);
        if (claim.isEmpty()) {
            String reason = "event " + delivery.eventId() + " was already processed";
            log.duplicate(delivery, reason);
            metrics.count(provider, Outcome.DUPLICATE);
            return WebhookAnswer.ignored(delivery.type(), reason);
        }
        Handled handled;
        try {
            handled = handle(provider, website, event);
        } catch (SQLException | RuntimeException e) {
            release(provider, claim.get(), e);
            throw e;
        }
        metrics.count(provider, handled.outcome());
        WebhookAnswer answer = handled.answer();
        log.settle(claim.get(), handled.outcome(), answer.reason() != null ? answer.reason() : answer.message(),
                handled.transactionId());
        return answer;
    }

    /** What became of a verified event: its outcome, its answer, and the transaction it is about, if any. */
    private record Handled(Outcome outcome, WebhookAnswer answer, String transactionId) {
    }

    private Handled handle(Provider provider, WebsiteSnapshot website, JsonNode json) throws SQLException {
        ProviderEvent event;
        try {
            event = provider.events().read(json);
        } catch (IllegalArgumentException e) {
            return refused(provider, website.id(), provider.events().type(json), null, e.getMessage());
        }
        if (!event.records()) {
            return new Handled(event.ignoredBecause() == null ? Outcome.UNUSED : Outcome.IGNORED,
                    WebhookAnswer.ignored(event.type(), event.ignoredBecause()), null);
        }
        return record(provider, website, event);
    }

    private Handled record(Provider provider, WebsiteSnapshot website, ProviderEvent event) throws SQLException {
        String transactionId = event.payment().transaction_id();
        EventRecorder.Result result = recorder.record(website, event);
        return switch (result.kind()) {
            case RECORDED -> new Handled(Outcome.RECORDED,
                    WebhookAnswer.recorded(result.outcome().message(), transactionId), transactionId);
            case DELETED -> new Handled(Outcome.DELETED, WebhookAnswer.ignored(event.type(), result.reason()),
                    transactionId);
            case REFUSED -> refused(provider, website.id(), event.type(), transactionId, result.reason());
        };
    }

    /** Gives the claim up, so that the provider's retry of the delivery is processed; the failure stays the answer. */
    private void release(Provider provider, long claim, Exception failure) {
        metrics.count(provider, Outcome.FAILED);
        String reason = failure instanceof ApiException e ? e.status() + ": " + e.getMessage() : "a server error";
        try {
            log.release(claim, reason + "; the provider's retry is processed");
        } catch (RuntimeException releaseFailure) {
            // the claim is taken over once abandoned (DeliveryLog.ABANDONED)
            failure.addSuppressed(releaseFailure);
        }
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

    private static Handled refused(Provider provider, String websiteId, String type, String transactionId,
            String reason) {
        LOG.warnf("Ignored a %s %s event for website %s: %s", provider.wire(), type, websiteId, reason);
        return new Handled(Outcome.REFUSED, WebhookAnswer.ignored(type, reason), transactionId);
    }
}
