package dev.payments.account.directory;

/** What the request path needs to know of a website, cheap to cache. */
public record WebsiteSnapshot(String id, String currency, String timezone, boolean trackingSuspended) {
}
