package dev.payments.account.directory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "website")
public class Website extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String domain;

    @Column(nullable = false)
    public String name;

    /** The reporting currency. */
    @Column(nullable = false)
    public String currency;

    @Column(nullable = false)
    public String timezone;

    @Column(name = "tracking_suspended", nullable = false)
    public boolean trackingSuspended;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Its payments are still to be converted to a new reporting currency (in the background). */
    @Column(name = "reconversion_pending", nullable = false)
    public boolean reconversionPending;
}
