package dev.payments.webhooks;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

@ConfigMapping(prefix = "payments.encryption")
public interface EncryptionConfig {

    /**
     * PAYMENTS_ENCRYPTION_KEY: a base64 AES key (16, 24 or 32 bytes) that encrypts providers' signing secrets at rest
     * (AES-GCM). Without it they are stored as given.
     */
    Optional<String> key();
}
