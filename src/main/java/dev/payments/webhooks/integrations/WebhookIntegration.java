package dev.payments.webhooks.integrations;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A provider connected to a website: the signing secret its webhooks are verified with, as {@link SecretCipher} keeps
 * it.
 */
@Entity
@Table(name = "webhook_integration")
@IdClass(WebhookIntegration.Key.class)
public class WebhookIntegration extends PanacheEntityBase {

    @Id
    @Column(name = "website_id")
    public String websiteId;

    @Id
    public String provider;

    @Column(name = "signing_secret", nullable = false)
    public String signingSecret;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_event_at")
    public Instant lastEventAt;

    static List<WebhookIntegration> ofWebsite(String websiteId) {
        return list("websiteId = ?1 order by provider", websiteId);
    }

    /** The primary key: one integration per website and provider. */
    public static class Key implements Serializable {

        public String websiteId;
        public String provider;

        public Key() {
        }

        Key(String websiteId, String provider) {
            this.websiteId = websiteId;
            this.provider = provider;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && websiteId.equals(k.websiteId) && provider.equals(k.provider);
        }

        @Override
        public int hashCode() {
            return Objects.hash(websiteId, provider);
        }
    }
}
