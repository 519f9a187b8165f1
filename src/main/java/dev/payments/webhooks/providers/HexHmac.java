package dev.payments.webhooks.providers;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 in hex, for the schemes no library verifies (Lemon Squeezy, Paddle): the secret's UTF-8 bytes are the
 * key, and a signature is compared in constant time. And the plain SHA-256 in hex, which identifies what names no id.
 */
public final class HexHmac {

    private HexHmac() {
    }

    static boolean matches(String secret, String signedContent, String givenHex) {
        return equal(hex(secret, signedContent), givenHex);
    }

    static String hex(String secret, String signedContent) {
        return HexFormat.of().formatHex(sha256(secret, signedContent));
    }

    public static String sha256Hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    /** Whether {@code givenHex} (any case, surrounding blanks ignored) is {@code expectedHex}, in constant time. */
    static boolean equal(String expectedHex, String givenHex) {
        if (givenHex == null) {
            return false;
        }
        return MessageDigest.isEqual(expectedHex.getBytes(StandardCharsets.US_ASCII),
                givenHex.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] sha256(String secret, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
