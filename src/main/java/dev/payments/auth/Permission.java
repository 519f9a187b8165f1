package dev.payments.auth;

import java.util.Arrays;
import java.util.Optional;

/** What a token may do; {@link #ALL} ("*") grants everything. */
public enum Permission {
    PAYMENTS_WRITE("payments:write"),
    PAYMENTS_READ("payments:read"),
    WEBSITES_READ("websites:read"),
    WEBSITES_WRITE("websites:write"),
    API_KEYS_READ("api-keys:read"),
    API_KEYS_WRITE("api-keys:write"),
    ALL("*");

    private final String wire;

    Permission(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<Permission> fromWire(String value) {
        return Arrays.stream(values()).filter(p -> p.wire.equals(value)).findFirst();
    }
}
