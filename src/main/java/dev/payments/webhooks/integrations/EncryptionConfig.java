package dev.payments.webhooks.integrations;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "payments.encryption")
public interface EncryptionConfig {

    /**
     * PAYMENTS_ENCRYPTION_KEY: a base64 AES key (16, 24 or 32 bytes) that encrypts providers' signing secrets at rest
     * (AES-GCM). Without it they are stored as given.
     */
    Optional<String> key();

    /**
     * PAYMENTS_ENCRYPTION_PREVIOUS_KEYS: keys replaced by the current one, comma-separated: secrets sealed with them are
     * still read, and sealed again with the current key at start-up.
     */
    Optional<List<String>> previousKeys();
}
