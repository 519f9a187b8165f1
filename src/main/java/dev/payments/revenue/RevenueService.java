package dev.payments.revenue;

import dev.payments.websites.WebsiteSnapshot;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Revenue of a website, summed by PostgreSQL in one statement over the payment-time index and the refund-time index:
 * payments by their time, refunds by the time of their refund, each in the bucket whose start (as {@link Interval}
 * cuts them in the report's time zone, passed as an array) it follows: width_bucket, so there is one rule of where a
 * bucket starts, whatever PostgreSQL's own zone rules say. The array is cast in a subquery, evaluated once: cast in
 * place, it would be parsed again for every row (the cast is not immutable), 40 times slower over a million rows.
 * Only amounts converted into the website's reporting currency are summed; the others are counted as pending.
 */
@ApplicationScoped
public class RevenueService {

    private static final String SUMS = """
            with paid as (
                select width_bucket(occurred_at, (select ?::text[]::timestamptz[])) as bucket,
                       sum(reporting_amount) filter (where converted and not renewal) as new,
                       sum(reporting_amount) filter (where converted and renewal) as renewal,
                       count(*) filter (where converted) as payments,
                       count(*) filter (where converted and renewal) as renewals,
                       count(*) filter (where free_trial) as free_trials,
                       count(*) filter (where not free_trial and not converted) as pending
                from (select *, not free_trial and reporting_amount is not null and reporting_currency = ? as converted
                      from payment where website_id = ? and occurred_at between ? and ?) p
                group by 1),
            refunded as (
                select width_bucket(refunded_at, (select ?::text[]::timestamptz[])) as bucket,
                       sum(reporting_amount) filter (where reporting_currency = ?) as refund,
                       count(reporting_amount) filter (where reporting_currency = ?) as refunds,
                       count(*) - count(reporting_amount) filter (where reporting_currency = ?) as pending
                from payment
                where website_id = ? and refunded and not free_trial and refunded_at between ? and ?
                group by 1)
            select coalesce(paid.bucket, refunded.bucket), paid.new, paid.renewal, paid.payments, paid.renewals,
                   paid.free_trials, paid.pending, refunded.refund, refunded.refunds, refunded.pending
            from paid full join refunded on refunded.bucket = paid.bucket""";
    private static final String PEOPLE = """
            select count(distinct coalesce(customer_id, customer_email)), count(distinct visitor_id) from payment
            where website_id = ? and occurred_at between ? and ? and not free_trial""";

    @Inject
    AgroalDataSource dataSource;

    public RevenueReport report(WebsiteSnapshot website, RevenueQuery query) throws SQLException {
        List<ZonedDateTime> starts = query.buckets();
        List<BucketSums> buckets = starts.stream().map(start -> new BucketSums()).toList();
        BucketSums totals = new BucketSums();
        long customers;
        long visitors;
        try (Connection connection = dataSource.getConnection()) {
            sum(connection, website, query, starts, buckets, totals);
            try (PreparedStatement people = connection.prepareStatement(PEOPLE)) {
                people.setString(1, website.id());
                people.setObject(2, utc(query.start()), Types.TIMESTAMP_WITH_TIMEZONE);
                people.setObject(3, utc(query.end()), Types.TIMESTAMP_WITH_TIMEZONE);
                try (ResultSet row = people.executeQuery()) {
                    row.next();
                    customers = row.getLong(1);
                    visitors = row.getLong(2);
                }
            }
        }
        List<RevenueReport.Bucket> series = new ArrayList<>(starts.size());
        for (int i = 0; i < starts.size(); i++) {
            series.add(buckets.get(i).toBucket(starts.get(i).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
        }
        return new RevenueReport(website.currency(), query.zone().getId(), query.interval().wire(),
                totals.toTotals(customers, visitors), series);
    }

    private static void sum(Connection connection, WebsiteSnapshot website, RevenueQuery query,
            List<ZonedDateTime> starts, List<BucketSums> buckets, BucketSums totals) throws SQLException {
        Array bounds = connection.createArrayOf("text",
                starts.stream().map(start -> start.toInstant().toString()).toArray());
        try (PreparedStatement sums = connection.prepareStatement(SUMS)) {
            int i = 0;
            for (boolean refunds : new boolean[] {false, true}) {
                sums.setArray(++i, bounds);
                for (int repeat = 0; repeat < (refunds ? 3 : 1); repeat++) {
                    sums.setString(++i, website.currency());
                }
                sums.setString(++i, website.id());
                sums.setObject(++i, utc(query.start()), Types.TIMESTAMP_WITH_TIMEZONE);
                sums.setObject(++i, utc(query.end()), Types.TIMESTAMP_WITH_TIMEZONE);
            }
            try (ResultSet rows = sums.executeQuery()) {
                while (rows.next()) {
                    BucketSums row = new BucketSums();
                    row.newRevenue = amount(rows.getBigDecimal(2));
                    row.renewal = amount(rows.getBigDecimal(3));
                    row.payments = rows.getLong(4);
                    row.renewals = rows.getLong(5);
                    row.freeTrials = rows.getLong(6);
                    row.pending = rows.getLong(7) + rows.getLong(10);
                    row.refund = amount(rows.getBigDecimal(8));
                    row.refunds = rows.getLong(9);
                    // 1 for the first bucket; every time in the range follows the first bucket's start
                    buckets.get(rows.getInt(1) - 1).add(row);
                    totals.add(row);
                }
            }
        }
    }

    private static BigDecimal amount(BigDecimal sum) {
        return sum == null ? BigDecimal.ZERO : sum;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
