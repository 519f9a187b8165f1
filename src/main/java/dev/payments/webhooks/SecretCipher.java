package dev.payments.webhooks;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Providers' signing secrets at rest: AES-GCM under PAYMENTS_ENCRYPTION_KEY when it is set ({@code aes-gcm:} and the
 * base64 of a random 96-bit nonce and the ciphertext, the website and provider authenticated with it, so a value
 * copied to another row does not decrypt), else as given ({@code plain:}). Both read back whatever is configured now,
 * but an encrypted secret needs the key. A malformed key stops start-up.
 */
@Startup
@ApplicationScoped
class SecretCipher {

    private static final String ENCRYPTED = "aes-gcm:";
    private static final String PLAIN = "plain:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Optional<SecretKey> key;
    private final SecureRandom random = new SecureRandom();

    SecretCipher(EncryptionConfig config) {
        this.key = config.key().filter(k -> !k.isBlank()).map(SecretCipher::parse);
    }

    String seal(String websiteId, Provider provider, String secret) {
        if (key.isEmpty()) {
            return PLAIN + secret;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, nonce, websiteId, provider, secret.getBytes(StandardCharsets.UTF_8));
        return ENCRYPTED + Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                .put(nonce).put(sealed).array());
    }

    String open(String websiteId, Provider provider, String stored) {
        if (stored.startsWith(PLAIN)) {
            return stored.substring(PLAIN.length());
        }
        if (!stored.startsWith(ENCRYPTED) || key.isEmpty()) {
            throw new IllegalStateException("the " + provider.wire() + " signing secret of website " + websiteId
                    + " is encrypted and PAYMENTS_ENCRYPTION_KEY is not set");
        }
        byte[] sealed = Base64.getDecoder().decode(stored.substring(ENCRYPTED.length()));
        byte[] nonce = Arrays.copyOf(sealed, NONCE_BYTES);
        byte[] ciphertext = Arrays.copyOfRange(sealed, NONCE_BYTES, sealed.length);
        return new String(run(Cipher.DECRYPT_MODE, nonce, websiteId, provider, ciphertext), StandardCharsets.UTF_8);
    }

    private byte[] run(int mode, byte[] nonce, String websiteId, Provider provider, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key.orElseThrow(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD((websiteId + "/" + provider.wire()).getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            // never the secret in the message
            throw new IllegalStateException("the " + provider.wire() + " signing secret of website " + websiteId
                    + " does not decrypt with PAYMENTS_ENCRYPTION_KEY (was the key changed?)");
        }
    }

    private static SecretKey parse(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("PAYMENTS_ENCRYPTION_KEY must be base64 (e.g. openssl rand -base64 32)");
        }
        if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
            throw new IllegalArgumentException("PAYMENTS_ENCRYPTION_KEY must be the base64 of a 16, 24 or 32-byte key, "
                    + "not of " + bytes.length + " bytes (e.g. openssl rand -base64 32)");
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
