package dev.payments.account.credentials;

import java.util.Collection;
import java.util.Set;

/**
 * The websites a token acts on. The one home of the rule that no website ids means every website, as an account
 * token's list is stored and as a request to create one leaves it empty or absent.
 */
public record WebsiteReach(Set<String> websiteIds) {

    public static WebsiteReach of(Collection<String> websiteIds) {
        return new WebsiteReach(Set.copyOf(websiteIds));
    }

    public boolean everyWebsite() {
        return websiteIds.isEmpty();
    }

    public boolean reaches(String websiteId) {
        return everyWebsite() || websiteIds.contains(websiteId);
    }

    /** Whether this reaches every website the other reaches. */
    public boolean covers(WebsiteReach other) {
        return everyWebsite() || !other.everyWebsite() && websiteIds.containsAll(other.websiteIds);
    }
}
