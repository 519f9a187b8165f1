package dev.payments.revenue;

import dev.payments.account.directory.TimeZones;
import dev.payments.payments.reading.TimeRange;
import dev.payments.platform.errors.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/** What GET /api/v1/revenue asks: an inclusive range, cut into buckets of an interval in a time zone. */
record RevenueQuery(Instant start, Instant end, Interval interval, ZoneId zone) {

    static final int MAX_BUCKETS = 1000;
    static final Duration DEFAULT_RANGE = Duration.ofDays(30);

    /** {@code websiteZone} when no timezone is given; the last 30 days up to now when no range is. */
    static RevenueQuery of(String startAt, String endAt, String interval, String timezone, String websiteZone,
            Instant now) {
        Instant end = endAt == null ? now : TimeRange.instant(endAt, "endAt");
        Instant start = startAt == null ? end.minus(DEFAULT_RANGE) : TimeRange.instant(startAt, "startAt");
        if (start.isAfter(end)) {
            throw ApiException.badRequest("startAt must not be after endAt", "startAt", "endAt");
        }
        ZoneId zone = TimeZones.parse(timezone == null ? websiteZone : timezone, "timezone");
        return new RevenueQuery(start, end, Interval.parse(interval), zone);
    }

    /** The start of every bucket from the one holding {@code start} to the one holding {@code end}; at most 1,000. */
    List<ZonedDateTime> buckets() {
        List<ZonedDateTime> starts = new ArrayList<>();
        ZonedDateTime last = interval.floor(end.atZone(zone));
        for (ZonedDateTime bucket = interval.floor(start.atZone(zone)); !bucket.isAfter(last);
                bucket = interval.next(bucket)) {
            if (starts.size() == MAX_BUCKETS) {
                throw ApiException.badRequest("at most " + MAX_BUCKETS + " buckets: shorten the range from startAt to "
                        + "endAt or use a longer interval", "startAt", "endAt", "interval");
            }
            starts.add(bucket);
        }
        return starts;
    }
}
