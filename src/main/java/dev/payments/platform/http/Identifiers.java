package dev.payments.platform.http;

import dev.payments.platform.errors.ApiException;
import java.util.regex.Pattern;

/**
 * The one rule for the ids a client names (of websites, API keys and access tokens, in a path, a query or a body): at
 * most {@value #MAX_LENGTH} characters, none a control character. An id that breaks it names nothing stored, so it is
 * refused before any database access (PostgreSQL cannot even compare text holding U+0000: it fails the query).
 */
public final class Identifiers {

    /** The length of every id column (varchar(24): website, website_key, account_token). */
    public static final int MAX_LENGTH = 24;
    /** No C0 or C1 control character (Character.isISOControl), in a syntax both Java and ECMA-262 read alike. */
    public static final String PATTERN = "^[^\\u0000-\\u001f\\u007f-\\u009f]*$";
    private static final Pattern ALLOWED = Pattern.compile(PATTERN);
    private static final String RULE = "ids have at most " + MAX_LENGTH + " characters and no control characters";

    private Identifiers() {
    }

    /** The id of a path segment; one that breaks the rule names no {@code what} (e.g. "website"): 404. */
    public static String inPath(String id, String what) {
        if (!isPossible(id)) {
            throw ApiException.notFound("no such " + what + "; " + RULE);
        }
        return id;
    }

    /** An id of a query parameter or a body field, or null; one that breaks the rule is a 400 naming it. */
    public static String inParameter(String id, String parameter) {
        if (id != null && !isPossible(id)) {
            throw ApiException.badRequest("malformed id in " + parameter + "; " + RULE, parameter);
        }
        return id;
    }

    private static boolean isPossible(String id) {
        return id.length() <= MAX_LENGTH && ALLOWED.matcher(id).matches();
    }
}
