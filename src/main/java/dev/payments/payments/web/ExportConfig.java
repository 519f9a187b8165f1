package dev.payments.payments.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "payments.export")
public interface ExportConfig {

    /**
     * PAYMENTS_EXPORT_WRITE_TIMEOUT: how long a CSV export waits for its client to take the bytes already queued for
     * it; then the export is ended and its connection closed.
     */
    @WithDefault("30s")
    Duration writeTimeout();
}
