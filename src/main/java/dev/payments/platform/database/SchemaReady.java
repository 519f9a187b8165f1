package dev.payments.platform.database;

/** Fired once, when the schema is migrated and validated: from then on the database may be used. */
public record SchemaReady() {
}
