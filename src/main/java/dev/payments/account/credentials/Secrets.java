package dev.payments.account.credentials;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Random ids and secrets, and the one-way hash under which secrets are stored and looked up. */
public final class Secrets {

    public static final String WEBSITE_KEY_PREFIX = "df_";
    public static final String ACCOUNT_TOKEN_PREFIX = "dft_";

    private static final HexFormat HEX = HexFormat.of();

    private Secrets() {
    }

    /** An opaque id of 24 hex characters, like DataFast's. */
    public static String newId() {
        return randomHex(12);
    }

    /** A new raw secret: the prefix followed by 160 random bits in hex. */
    public static String newSecret(String prefix) {
        return prefix + randomHex(20);
    }

    /**
     * SHA-256 in hex. Secrets carry at least 128 bits of entropy, so a fast hash is enough: there is nothing to
     * brute-force, and lookups by hash stay cheap.
     */
    public static String hash(String rawSecret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HEX.formatHex(digest.digest(rawSecret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** What is shown once the raw secret is gone: prefix, four characters, "...", the last four. */
    public static String mask(String rawSecret) {
        int prefixEnd = rawSecret.indexOf('_') + 1;
        return rawSecret.substring(0, prefixEnd + 4) + "..." + rawSecret.substring(rawSecret.length() - 4);
    }

    /**
     * A generator per call, created at run time: one held in a static field would be seeded once and frozen into a
     * native image's heap (its classes are initialized at build time). New ids and secrets are rare; the JDK's
     * generators share their entropy source, so a new one is cheap.
     */
    private static String randomHex(int bytes) {
        byte[] buffer = new byte[bytes];
        new SecureRandom().nextBytes(buffer);
        return HEX.formatHex(buffer);
    }
}
