package dev.payments.auth;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

@ConfigMapping(prefix = "payments")
public interface AuthConfig {

    /** PAYMENTS_BOOTSTRAP_TOKEN: the operator's first dft_ token, stored (hashed) with permission * at start-up. */
    Optional<String> bootstrapToken();
}
