package dev.payments.revenue;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "payments.revenue")
public interface RevenueConfig {

    /**
     * PAYMENTS_REVENUE_MERGE_INTERVAL: how often the revenue sums added since the last pass are merged, one row per
     * website, quarter hour and currency ({@link RevenueSlots}). Sums are right without it; it keeps reads short.
     */
    @WithDefault("30s")
    String mergeInterval();

    /**
     * PAYMENTS_REVENUE_BUDGET: the longest one report may take, its wait for a connection included; a report still
     * running then is stopped and answered 503. Below the request deadline (PAYMENTS_REQUEST_TIMEOUT), so that the
     * report's own answer is the one sent, and below the driver's read timeout (quarkus.datasource.jdbc.read-timeout),
     * so that PostgreSQL cancels a statement before the driver gives up on its connection.
     */
    @WithDefault("11s")
    Duration budget();
}
