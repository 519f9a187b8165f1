package dev.payments.platform.http;

import java.util.regex.Pattern;

/**
 * The one rule for free text a client sends (ids it chooses, names, emails, filters): what PostgreSQL text can hold as
 * sent. No U+0000 (the statement would fail) and no unpaired surrogate (the driver would store it as "?", so a payment
 * would not be found again by the id it was acknowledged with).
 */
public final class WireText {

    /** The rule in Java's syntax, for Bean Validation's {@code @Pattern}. */
    public static final String PATTERN = "[^\\x00\\p{Cs}]*";
    /** The rule in ECMA-262, the dialect of OpenAPI's patterns: NUL alone (the surrogate part stays in descriptions). */
    public static final String ECMA_PATTERN = "^[^\\u0000]*$";
    public static final String MESSAGE = "must be valid Unicode text without the NUL character (U+0000)";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private WireText() {
    }

    public static boolean isValid(String text) {
        return COMPILED.matcher(text).matches();
    }
}
