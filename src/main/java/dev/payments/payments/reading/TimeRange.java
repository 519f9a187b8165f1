package dev.payments.payments.reading;

import dev.payments.platform.errors.ApiException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;

/** An inclusive range on the payment's timestamp; either end may be open. */
public record TimeRange(Instant start, Instant end) {

    public static final TimeRange NONE = new TimeRange(null, null);
    private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999999Z");
    /** ISO 8601 with the offset in any of its forms: Z, +02:00, +0200 (PHP's DATE_ISO8601), +02. */
    private static final DateTimeFormatter WITH_OFFSET = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).appendPattern("[XXXXX][XXXX][X]").toFormatter();

    /** From startAt/endAt, or their aliases start/end. */
    public static TimeRange parse(String startAt, String start, String endAt, String end) {
        Instant from = instant(Aliases.pick(startAt, "startAt", start, "start"), "startAt");
        Instant to = instant(Aliases.pick(endAt, "endAt", end, "end"), "endAt");
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiException.badRequest("startAt must not be after endAt", "startAt", "endAt");
        }
        return new TimeRange(from, to);
    }

    /** PostgreSQL's timestamptz ends at 4713 BC and 294276 AD: a query with an instant beyond fails (it was a 500). */
    static boolean isQueryable(Instant instant) {
        return !instant.isBefore(FIRST) && !instant.isAfter(LAST);
    }

    public boolean isEmpty() {
        return start == null && end == null;
    }

    public boolean isClosed() {
        return start != null && end != null;
    }

    /** Parses an ISO 8601 instant with an offset, e.g. 2026-05-19T12:00:00Z, 2026-05-19T14:00:00+02:00 or +0200. */
    public static Instant instant(String value, String field) {
        if (value == null) {
            return null;
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(value.trim(), WITH_OFFSET).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field + " must be an ISO 8601 instant such as 2026-05-19T12:00:00Z", field);
        }
        if (!isQueryable(instant)) {
            throw ApiException.badRequest(field + " must be an instant in the years 0001 to 9999", field);
        }
        return instant;
    }
}
