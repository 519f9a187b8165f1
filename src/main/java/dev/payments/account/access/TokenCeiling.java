package dev.payments.account.access;

import dev.payments.account.credentials.AccountToken;
import dev.payments.account.credentials.Credential;
import dev.payments.account.credentials.Permission;
import dev.payments.account.credentials.WebsiteReach;
import dev.payments.platform.errors.ApiException;
import java.util.List;

/**
 * What a caller may do with account tokens and websites beyond its route's {@link Requires}, which depends on the
 * request's body or on the token acted on: it sees, grants and revokes nothing beyond its own permissions and websites,
 * and creates websites only when it reaches every one.
 */
public final class TokenCeiling {

    private TokenCeiling() {
    }

    /** A token with these permissions (by their wire names) and websites may be created by this caller. */
    public static void checkGrant(Credential caller, List<String> permissions, WebsiteReach websites) {
        for (String permission : permissions) {
            Permission known = Permission.fromWire(permission).orElseThrow(() -> ApiException.badRequest(
                    "unknown permission " + permission + "; known: " + Permission.NAMES, "permissions"));
            if (!caller.allows(known)) {
                throw ApiException.forbidden("cannot grant " + permission + ": the calling token does not have it");
            }
        }
        if (!caller.reach().covers(websites)) {
            throw ApiException.forbidden("cannot grant access to websites the calling token cannot reach");
        }
    }

    /** Whether every permission and website of the token is also the caller's: what it may see and revoke. */
    public static boolean covers(Credential caller, AccountToken token) {
        boolean permissions = token.permissions.stream()
                .allMatch(p -> Permission.fromWire(p).map(caller::allows).orElse(true));
        return permissions && caller.reach().covers(WebsiteReach.of(token.websiteIds));
    }

    public static void checkCreatesWebsites(Credential caller) {
        if (!caller.allWebsites()) {
            throw ApiException.forbidden("a token limited to some websites cannot create websites");
        }
    }
}
