package dev.payments.webhooks.deliveries;

import dev.payments.platform.ratelimit.PositiveCount;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** What is remembered of providers' deliveries, and for how long (contract section 8). */
@ConfigMapping(prefix = "payments.webhooks")
public interface DeliveryConfig {

    /**
     * PAYMENTS_WEBHOOKS_RETENTION: how long a processed event id is remembered (its redelivery is ignored meanwhile),
     * and how long a payment deleted through the API keeps its provider's deliveries out. The contract's 30 days.
     */
    @WithDefault("P30D")
    Duration retention();

    /** PAYMENTS_WEBHOOKS_DELIVERIES_KEPT: the newest deliveries listed, and kept, per website and provider. */
    @WithDefault("1000")
    @WithConverter(PositiveCount.class)
    long deliveriesKept();

    /** PAYMENTS_WEBHOOKS_PRUNE_INTERVAL: how often deliveries and deleted transactions past their time are removed. */
    @WithDefault("1h")
    String pruneInterval();
}
