package dev.payments.webhooks.integrations;

import dev.payments.account.directory.Website;
import dev.payments.platform.errors.ApiException;
import dev.payments.webhooks.deliveries.DeliveryLog;
import dev.payments.webhooks.deliveries.DeliveryView;
import dev.payments.webhooks.providers.Provider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * The providers connected to each website. Read from the database on every delivery (deliveries are few), so a secret
 * replaced or removed applies on every instance at once.
 */
@ApplicationScoped
public class IntegrationService {

    @Inject
    SecretCipher cipher;

    @Inject
    DeliveryLog log;

    @Transactional
    public List<IntegrationView> list(String websiteId) {
        return WebhookIntegration.ofWebsite(websiteId).stream().map(IntegrationView::of).toList();
    }

    /** Connects the provider, or replaces its secret (keeping createdAt and lastEventAt). */
    @Transactional
    public IntegrationView put(String websiteId, String providerName, String secret) {
        Provider provider = Provider.of(providerName);
        // the website may have been deleted since the request's (cached) check
        if (Website.findById(websiteId, LockModeType.PESSIMISTIC_READ) == null) {
            throw ApiException.noWebsite(websiteId);
        }
        WebhookIntegration integration = WebhookIntegration.<WebhookIntegration>findByIdOptional(
                new WebhookIntegration.Key(websiteId, provider.wire())).orElseGet(() -> {
                    WebhookIntegration created = new WebhookIntegration();
                    created.websiteId = websiteId;
                    created.provider = provider.wire();
                    created.createdAt = Instant.now();
                    return created;
                });
        integration.signingSecret = cipher.seal(websiteId, provider, secret);
        integration.persist();
        return IntegrationView.of(integration);
    }

    @Transactional
    public void remove(String websiteId, String providerName) {
        Provider provider = Provider.of(providerName);
        if (!WebhookIntegration.deleteById(new WebhookIntegration.Key(websiteId, provider.wire()))) {
            throw notConfigured(websiteId, provider);
        }
    }

    /** The provider's latest deliveries, newest first; 404 when the provider is not connected. */
    @Transactional
    public List<DeliveryView> deliveries(String websiteId, String providerName) {
        Provider provider = Provider.of(providerName);
        if (WebhookIntegration.findById(new WebhookIntegration.Key(websiteId, provider.wire())) == null) {
            throw notConfigured(websiteId, provider);
        }
        return log.recent(websiteId, provider);
    }

    /** The secret a delivery for this website and provider is verified with; 404 when the provider is not connected. */
    @Transactional
    public String secret(String websiteId, Provider provider) {
        WebhookIntegration integration = WebhookIntegration.<WebhookIntegration>findByIdOptional(
                new WebhookIntegration.Key(websiteId, provider.wire()))
                .orElseThrow(() -> notConfigured(websiteId, provider));
        return cipher.open(websiteId, provider, integration.signingSecret);
    }

    @Transactional
    public void eventReceived(String websiteId, Provider provider, Instant at) {
        WebhookIntegration.update("lastEventAt = ?1 where websiteId = ?2 and provider = ?3"
                + " and (lastEventAt is null or lastEventAt < ?1)", at, websiteId, provider.wire());
    }

    private static ApiException notConfigured(String websiteId, Provider provider) {
        return ApiException.notFound(provider.wire() + " is not connected to website " + websiteId);
    }
}
