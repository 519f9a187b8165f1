package dev.payments.account.directory;

import dev.payments.platform.errors.ApiException;
import java.time.ZoneId;

/** The time zones a website or a report may name: IANA region ids, such as Europe/Paris or UTC. */
public final class TimeZones {

    private TimeZones() {
    }

    /** The zone named, trimmed; 400 naming {@code field} for anything else. */
    public static ZoneId parse(String value, String field) {
        String zone = value.trim();
        if (!ZoneId.getAvailableZoneIds().contains(zone)) {
            throw ApiException.badRequest(field + " must be an IANA time zone such as Europe/Paris", field);
        }
        return ZoneId.of(zone);
    }
}
