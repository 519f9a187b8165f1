package dev.payments.account.directory;

/** Fired inside the transaction that changes a website's reporting currency; acted on once it has committed. */
public record ReportingCurrencyChanged(String websiteId, String currency) {
}
