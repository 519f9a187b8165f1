package dev.payments.webhooks.stripeimport;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One Stripe history import of a website, as it runs and once it ended; never the key it ran with. */
@Entity
@Table(name = "stripe_import")
public class StripeImport extends PanacheEntityBase {

    static final String RUNNING = "running";
    static final String DONE = "done";
    static final String FAILED = "failed";

    @Id
    public String id;

    @Column(name = "website_id", nullable = false)
    public String websiteId;

    @Column(nullable = false)
    public String state;

    public String reason;

    public Instant since;

    public int payments;

    public int refunds;

    public int skipped;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "heartbeat_at", nullable = false)
    public Instant heartbeatAt;
}
