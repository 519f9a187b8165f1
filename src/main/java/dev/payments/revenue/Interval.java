package dev.payments.revenue;

import dev.payments.platform.errors.ApiException;
import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * The width of a revenue bucket. Buckets start at local midnight in the report's time zone (weeks on Monday, months on
 * the 1st), daylight saving included, so a day may last 23 or 25 hours; an hour is always an hour.
 */
enum Interval {
    HOUR, DAY, WEEK, MONTH;

    /** The name on the wire. */
    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Interval parse(String value) {
        if (value == null) {
            return DAY;
        }
        for (Interval interval : values()) {
            if (interval.wire().equals(value)) {
                return interval;
            }
        }
        throw ApiException.badRequest("interval must be hour, day, week or month", "interval");
    }

    /** The start of the bucket holding this moment. */
    ZonedDateTime floor(ZonedDateTime at) {
        return switch (this) {
            case HOUR -> at.truncatedTo(ChronoUnit.HOURS);
            case DAY -> at.toLocalDate().atStartOfDay(at.getZone());
            case WEEK -> at.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                    .atStartOfDay(at.getZone());
            case MONTH -> at.toLocalDate().withDayOfMonth(1).atStartOfDay(at.getZone());
        };
    }

    /** The start of the bucket after the one starting at {@code start}. */
    ZonedDateTime next(ZonedDateTime start) {
        return switch (this) {
            case HOUR -> start.plusHours(1);
            case DAY -> start.toLocalDate().plusDays(1).atStartOfDay(start.getZone());
            case WEEK -> start.toLocalDate().plusWeeks(1).atStartOfDay(start.getZone());
            case MONTH -> start.toLocalDate().plusMonths(1).atStartOfDay(start.getZone());
        };
    }
}
