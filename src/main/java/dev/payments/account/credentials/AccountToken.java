package dev.payments.account.credentials;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A dft_ account token, stored by the hash of its raw value; its website list as {@link WebsiteReach} reads it. */
@Entity
@Table(name = "account_token")
public class AccountToken extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Column(name = "token_hash", nullable = false)
    public String tokenHash;

    @Column(name = "display_key", nullable = false)
    public String displayKey;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> permissions;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "website_ids", nullable = false, columnDefinition = "text[]")
    public List<String> websiteIds;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    public static List<AccountToken> listInOrder() {
        return list("order by createdAt, id");
    }
}
