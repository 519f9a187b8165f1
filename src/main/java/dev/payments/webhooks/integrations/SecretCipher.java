package dev.payments.webhooks.integrations;

import dev.payments.webhooks.providers.Provider;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Providers' signing secrets at rest: AES-GCM under PAYMENTS_ENCRYPTION_KEY when it is set ({@code aes-gcm:} and the
 * base64 of a random 96-bit nonce and the ciphertext, the website and provider authenticated with it, so a value
 * copied to another row does not decrypt), else as given ({@code plain:}). Both read back whatever is configured now,
 * but an encrypted secret needs its key: the current one or one of PAYMENTS_ENCRYPTION_PREVIOUS_KEYS, which is how a
 * key is rotated ({@link SecretResealing} seals every secret with the current key). A malformed key stops start-up.
 */
@Startup
@ApplicationScoped
class SecretCipher {

    private static final String ENCRYPTED = "aes-gcm:";
    private static final String PLAIN = "plain:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Optional<SecretKey> key;
    private final List<SecretKey> previousKeys;
    private final SecureRandom random = new SecureRandom();

    SecretCipher(EncryptionConfig config) {
        this.key = config.key().filter(k -> !k.isBlank()).map(SecretCipher::parse);
        this.previousKeys = config.previousKeys().orElse(List.of()).stream().filter(k -> !k.isBlank())
                .map(SecretCipher::parse).toList();
    }

    /** Whether the stored value is what {@link #seal} makes now: encrypted with the current key, or plain without one. */
    boolean isSealedWithCurrentKey(String websiteId, Provider provider, String stored) {
        if (key.isEmpty()) {
            return stored.startsWith(PLAIN);
        }
        return stored.startsWith(ENCRYPTED) && opened(key.get(), websiteId, provider, stored).isPresent();
    }

    String seal(String websiteId, Provider provider, String secret) {
        if (key.isEmpty()) {
            return PLAIN + secret;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed;
        try {
            sealed = run(key.get(), Cipher.ENCRYPT_MODE, nonce, websiteId, provider,
                    secret.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed: " + e.getMessage(), e);
        }
        return ENCRYPTED + Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                .put(nonce).put(sealed).array());
    }

    String open(String websiteId, Provider provider, String stored) {
        if (stored.startsWith(PLAIN)) {
            return stored.substring(PLAIN.length());
        }
        if (!stored.startsWith(ENCRYPTED) || key.isEmpty() && previousKeys.isEmpty()) {
            throw new IllegalStateException("the " + provider.wire() + " signing secret of website " + websiteId
                    + " is encrypted and PAYMENTS_ENCRYPTION_KEY is not set");
        }
        return Stream.concat(key.stream(), previousKeys.stream())
                .map(candidate -> opened(candidate, websiteId, provider, stored))
                .flatMap(Optional::stream).findFirst()
                // never the secret in the message
                .orElseThrow(() -> new IllegalStateException("the " + provider.wire() + " signing secret of website "
                        + websiteId + " decrypts with neither PAYMENTS_ENCRYPTION_KEY nor any of "
                        + "PAYMENTS_ENCRYPTION_PREVIOUS_KEYS: set the key it was sealed with as a previous key"));
    }

    private static Optional<String> opened(SecretKey candidate, String websiteId, Provider provider, String stored) {
        byte[] sealed = Base64.getDecoder().decode(stored.substring(ENCRYPTED.length()));
        byte[] nonce = Arrays.copyOf(sealed, NONCE_BYTES);
        byte[] ciphertext = Arrays.copyOfRange(sealed, NONCE_BYTES, sealed.length);
        try {
            return Optional.of(new String(run(candidate, Cipher.DECRYPT_MODE, nonce, websiteId, provider, ciphertext),
                    StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    private static byte[] run(SecretKey key, int mode, byte[] nonce, String websiteId, Provider provider, byte[] input)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD((websiteId + "/" + provider.wire()).getBytes(StandardCharsets.UTF_8));
        return cipher.doFinal(input);
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
