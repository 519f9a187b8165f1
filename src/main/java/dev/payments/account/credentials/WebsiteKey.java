package dev.payments.account.credentials;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A df_ key of one website, stored by the hash of its raw value. */
@Entity
@Table(name = "website_key")
public class WebsiteKey extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "website_id", nullable = false)
    public String websiteId;

    @Column(nullable = false)
    public String name;

    @Column(name = "key_hash", nullable = false)
    public String keyHash;

    @Column(name = "display_key", nullable = false)
    public String displayKey;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    public static List<WebsiteKey> ofWebsite(String websiteId) {
        return list("websiteId = ?1 order by createdAt, id", websiteId);
    }

    public static long countOfWebsite(String websiteId) {
        return count("websiteId", websiteId);
    }
}
