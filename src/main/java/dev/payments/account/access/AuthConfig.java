package dev.payments.account.access;

import dev.payments.account.credentials.UsageTracker;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

@ConfigMapping(prefix = "payments")
public interface AuthConfig {

    /** PAYMENTS_BOOTSTRAP_TOKEN: the operator's first dft_ token, stored (hashed) with permission * at start-up. */
    Optional<String> bootstrapToken();

    /** How often last-use times of keys and tokens are written (read by {@link UsageTracker}'s schedule). */
    @WithDefault("60s")
    String lastUsedFlushInterval();
}
