package dev.payments.account.directory;

/**
 * Fired inside the transaction that deletes a website, its row locked, before the row goes: an observer deletes what
 * of its own belongs to the website, in that transaction. {@code principalId}: the token asking, for audit logs.
 */
public record WebsiteDeleting(String principalId, String websiteId) {
}
