package dev.payments.payments;

import dev.payments.errors.ApiException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** An inclusive range on the payment's timestamp; either end may be open. */
record TimeRange(Instant start, Instant end) {

    static final TimeRange NONE = new TimeRange(null, null);

    /** From startAt/endAt, or their aliases start/end. */
    static TimeRange parse(String startAt, String start, String endAt, String end) {
        Instant from = instant(Aliases.pick(startAt, "startAt", start, "start"), "startAt");
        Instant to = instant(Aliases.pick(endAt, "endAt", end, "end"), "endAt");
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiException.badRequest("startAt must not be after endAt", "startAt", "endAt");
        }
        return new TimeRange(from, to);
    }

    boolean isEmpty() {
        return start == null && end == null;
    }

    boolean isClosed() {
        return start != null && end != null;
    }

    /** Parses an ISO 8601 instant with an offset, e.g. 2026-05-19T12:00:00Z or 2026-05-19T14:00:00+02:00. */
    static Instant instant(String value, String field) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field + " must be an ISO 8601 instant such as 2026-05-19T12:00:00Z", field);
        }
    }
}
