package dev.payments.account.credentials;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a token may do; {@link #ALL} ("*") grants everything. DataFast's vocabulary is accepted: {@code settings:read}
 * and {@code settings:write} read and update a website (as websites:read and websites:write do, but for creating or
 * deleting one), and the permissions of DataFast's other APIs may be given to a token (stored, shown, counted in its
 * ceiling) but grant nothing here.
 */
public enum Permission {
    PAYMENTS_WRITE("payments:write"),
    PAYMENTS_READ("payments:read"),
    WEBSITES_READ("websites:read"),
    WEBSITES_WRITE("websites:write"),
    API_KEYS_READ("api-keys:read"),
    API_KEYS_WRITE("api-keys:write"),
    SETTINGS_READ("settings:read"),
    SETTINGS_WRITE("settings:write"),
    ANALYTICS_READ("analytics:read"),
    GOALS_WRITE("goals:write"),
    FUNNELS_READ("funnels:read"),
    FUNNELS_WRITE("funnels:write"),
    ALERTS_WRITE("alerts:write"),
    TEAM_WRITE("team:write"),
    ALL("*");

    /** Every name a token may be given, for error messages and the API description. */
    public static final String NAMES = "payments:write, payments:read, websites:read, websites:write, api-keys:read, "
            + "api-keys:write, settings:read, settings:write, analytics:read, goals:write, funnels:read, "
            + "funnels:write, alerts:write, team:write, *";

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
