package dev.payments.account.credentials;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * A resolved df_ key or dft_ token, as cached in memory. For a website key, {@code websiteIds} holds its one website;
 * for an account token, those it reaches ({@link WebsiteReach}).
 */
public record Credential(String id, Kind kind, Set<Permission> permissions, Set<String> websiteIds) {

    public enum Kind { WEBSITE_KEY, ACCOUNT_TOKEN }

    /** What a df_ key may do: payments of its own website, nothing at the account level. */
    static final Set<Permission> WEBSITE_KEY_PERMISSIONS = EnumSet.of(Permission.PAYMENTS_WRITE, Permission.PAYMENTS_READ);

    public boolean isWebsiteKey() {
        return kind == Kind.WEBSITE_KEY;
    }

    public boolean allows(Permission permission) {
        return permissions.contains(Permission.ALL) || permissions.contains(permission);
    }

    public boolean allowsAny(Permission... anyOf) {
        return Arrays.stream(anyOf).anyMatch(this::allows);
    }

    public WebsiteReach reach() {
        return new WebsiteReach(websiteIds);
    }

    public boolean allWebsites() {
        return reach().everyWebsite();
    }

    public boolean canAccess(String websiteId) {
        return reach().reaches(websiteId);
    }

    /** The website of a df_ key. */
    public String ownWebsiteId() {
        return websiteIds.iterator().next();
    }
}
