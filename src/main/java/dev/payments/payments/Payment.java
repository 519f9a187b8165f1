package dev.payments.payments;

import dev.payments.payments.writing.PaymentWriter;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A stored payment, read and deleted through Panache; written by {@link PaymentWriter}. */
@Entity
@Table(name = "payment")
public class Payment extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(name = "website_id", nullable = false)
    public String websiteId;

    @Column(name = "transaction_id", nullable = false)
    public String transactionId;

    @Column(nullable = false, precision = 20, scale = 8)
    public BigDecimal amount;

    @Column(nullable = false)
    public String currency;

    @Column(name = "visitor_id")
    public String visitorId;

    @Column(name = "session_id")
    public String sessionId;

    @Column(name = "customer_email")
    public String customerEmail;

    @Column(name = "customer_name")
    public String customerName;

    @Column(name = "customer_id")
    public String customerId;

    @Column(nullable = false)
    public boolean renewal;

    @Column(nullable = false)
    public boolean refunded;

    @Column(name = "refunded_at")
    public Instant refundedAt;

    @Column(name = "free_trial", nullable = false)
    public boolean freeTrial;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "reporting_currency", nullable = false)
    public String reportingCurrency;

    /** Null while no rate is known for the payment's currency and date (pending). */
    @Column(name = "reporting_amount", precision = 30, scale = 8)
    public BigDecimal reportingAmount;

    @Column(name = "reporting_rate", precision = 30, scale = 10)
    public BigDecimal reportingRate;

    @Column(name = "rate_date")
    public LocalDate rateDate;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;
}
