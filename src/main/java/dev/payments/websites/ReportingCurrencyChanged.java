package dev.payments.websites;

/** Fired inside the transaction that changes a website's reporting currency. */
public record ReportingCurrencyChanged(String websiteId, String currency) {
}
