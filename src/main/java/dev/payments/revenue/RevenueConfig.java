package dev.payments.revenue;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "payments.revenue")
public interface RevenueConfig {

    /**
     * PAYMENTS_REVENUE_MERGE_INTERVAL: how often the revenue sums added since the last pass are merged, one row per
     * website, quarter hour and currency ({@link RevenueSlots}). Sums are right without it; it keeps reads short.
     */
    @WithDefault("30s")
    String mergeInterval();
}
