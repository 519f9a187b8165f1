package dev.payments.webhooks.integrations;

import dev.payments.platform.database.SchemaReady;
import dev.payments.webhooks.providers.Provider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Once the schema is ready, seals every stored signing secret the way {@link SecretCipher} seals new ones: a secret
 * stored as given before PAYMENTS_ENCRYPTION_KEY was set gets encrypted, and one sealed with a previous key gets the
 * current one. Each row changes only if nobody changed it meanwhile, so instances starting together do it once. A
 * secret no configured key opens is named in an error at start-up, not first at its provider's next delivery.
 */
@ApplicationScoped
public class SecretResealing {

    private static final Logger LOG = Logger.getLogger(SecretResealing.class);

    @Inject
    SecretCipher cipher;

    @Transactional
    public void onSchemaReady(@Observes SchemaReady ready) {
        int resealed = 0;
        for (WebhookIntegration integration : WebhookIntegration.<WebhookIntegration>listAll()) {
            Provider provider = Provider.of(integration.provider);
            String stored = integration.signingSecret;
            if (cipher.isSealedWithCurrentKey(integration.websiteId, provider, stored)) {
                continue;
            }
            try {
                String secret = cipher.open(integration.websiteId, provider, stored);
                resealed += WebhookIntegration.update("signingSecret = ?1 where websiteId = ?2 and provider = ?3"
                        + " and signingSecret = ?4", cipher.seal(integration.websiteId, provider, secret),
                        integration.websiteId, integration.provider, stored);
            } catch (IllegalStateException e) {
                LOG.error(e.getMessage());
            }
        }
        if (resealed > 0) {
            LOG.infof("Sealed %d providers' signing secrets with the current PAYMENTS_ENCRYPTION_KEY", resealed);
        }
    }
}
