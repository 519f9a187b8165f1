package dev.payments.admin;

/** The item of a successful Account API delete or revoke. */
public record Deleted(String message, String id) {
}
