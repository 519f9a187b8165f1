package dev.payments.currency;

/** Fired (asynchronously) after new rates reached the in-memory book: pending payments may now be convertible. */
public record RatesLoaded() {
}
