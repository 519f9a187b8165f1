package dev.payments.revenue;

import dev.payments.account.directory.WebsiteSnapshot;
import dev.payments.platform.database.Jdbc;
import dev.payments.platform.database.JdbcFailure;
import dev.payments.platform.database.Reports;
import dev.payments.platform.database.SqlParameters;
import dev.payments.platform.errors.DatabaseFailures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Revenue of a website, summed by PostgreSQL in one statement: the quarter hours of the range that {@link
 * RevenueSlots} keeps sums of are read from those sums, the partial quarter hours at its two ends from the payments
 * themselves, both through revenue_parts (migration V8), the one home of what a payment adds. When a bucket edge does
 * not fall on a quarter hour (Liberia's offset until 1972, say), the whole range is read from the payments.
 * Every sum lands in the bucket whose start (as {@link Interval} cuts them in the report's time zone, passed as an
 * array) it follows: width_bucket, so there is one rule of where a bucket starts, whatever PostgreSQL's own zone rules
 * say. The array is cast in a subquery, evaluated once: cast in place, it would be parsed again for every row.
 * Only amounts converted into the website's reporting currency are summed; the others are counted as pending. The
 * distinct customers and visitors, which no sum can give, are counted after the sums, on the same connection: a report
 * holds one connection at most, for at most its {@link ReportBudget}.
 */
@ApplicationScoped
public class RevenueService {

    private static final String SUMS = """
            select width_bucket(x.at, (select ?::text[]::timestamptz[])) as bucket,
                   sum(x.new_amount) filter (where x.currency = r.currency),
                   sum(x.renewal_amount) filter (where x.currency = r.currency),
                   sum(x.refund_amount) filter (where x.currency = r.currency),
                   sum(x.new_count + x.renewal_count) filter (where x.currency = r.currency),
                   sum(x.renewal_count) filter (where x.currency = r.currency),
                   sum(x.refund_count) filter (where x.currency = r.currency),
                   sum(x.free_trials),
                   sum(x.new_count + x.renewal_count + x.refund_count)
                       filter (where x.currency is distinct from r.currency)
            from (select ?::varchar as currency) r,
                 (select slot as at, currency, new_amount, renewal_amount, refund_amount, new_count, renewal_count,
                         refund_count, free_trials
                  from revenue_slot
                  where website_id = ? and slot >= ? and slot < ?
                  union all
                  select part.at, part.currency, part.new_amount, part.renewal_amount, part.refund_amount,
                         part.new_count, part.renewal_count, part.refund_count, part.free_trials
                  from payment p
                       cross join lateral revenue_parts(p.website_id, p.occurred_at, p.renewal, p.free_trial,
                                                        p.amount, p.refund_amounts, p.refund_times,
                                                        p.reporting_amount, p.reporting_currency) part
                  where p.website_id = ?
                        and (p.occurred_at >= ? and p.occurred_at < ? or p.occurred_at >= ? and p.occurred_at <= ?
                             -- refunded_at, the latest refund, is on or after every refund; the first is before
                             or p.refunded_amount is not null and p.refunded_at >= ? and p.refund_times[1] <= ?)
                        and (part.at >= ? and part.at < ? or part.at >= ? and part.at <= ?)) x
            group by 1""";

    /** The distinct customers and visitors of the range. */
    private record People(long customers, long visitors) {
    }

    @Inject
    @Reports
    Jdbc jdbc;

    @Inject
    RevenueConfig config;

    @Inject
    RevenueSlots slots;

    public RevenueReport report(WebsiteSnapshot website, RevenueQuery query) {
        ReportBudget budget = new ReportBudget(config.budget());
        List<ZonedDateTime> starts = query.buckets();
        List<BucketSums> buckets = starts.stream().map(start -> new BucketSums()).toList();
        BucketSums totals = new BucketSums();
        People people;
        try {
            // one transaction, which the statement timeouts are set for
            people = jdbc.inTransaction(connection -> {
                budget.limit(connection);
                sum(connection, website, query, starts, buckets, totals);
                budget.limit(connection);
                long customers = DistinctPeople.CUSTOMERS.count(connection, website.id(), query.start(), query.end());
                budget.limit(connection);
                return new People(customers,
                        DistinctPeople.VISITORS.count(connection, website.id(), query.start(), query.end()));
            });
        } catch (JdbcFailure e) {
            if (DatabaseFailures.isStatementTimeout(e)) {
                throw budget.exceeded();
            }
            throw e;
        }
        List<RevenueReport.Bucket> series = new ArrayList<>(starts.size());
        for (int i = 0; i < starts.size(); i++) {
            series.add(buckets.get(i).toBucket(starts.get(i).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
        }
        return new RevenueReport(website.currency(), query.zone().getId(), query.interval().wire(),
                totals.toTotals(people.customers(), people.visitors()), series);
    }

    private void sum(Connection connection, WebsiteSnapshot website, RevenueQuery query,
            List<ZonedDateTime> starts, List<BucketSums> buckets, BucketSums totals) throws SQLException {
        // the slots read whole: [slotsFrom, slotsTo); the payments of the range outside them are read one by one
        Instant slotsFrom = slots.slotAtOrAfter(query.start());
        Instant slotsTo = slots.slotOf(query.end());
        if (slotsTo.isBefore(slotsFrom) || !starts.stream().allMatch(s -> slots.startsSlot(s.toInstant()))) {
            slotsFrom = query.start();
            slotsTo = query.start();
        }
        List<Object> values = new ArrayList<>(List.of(connection.createArrayOf("text",
                starts.stream().map(start -> start.toInstant().toString()).toArray()), website.currency(),
                website.id(), slotsFrom, slotsTo, website.id()));
        values.addAll(List.of(query.start(), slotsFrom, slotsTo, query.end(), query.start(), query.end(),
                query.start(), slotsFrom, slotsTo, query.end()));
        try (PreparedStatement sums = connection.prepareStatement(SUMS)) {
            SqlParameters.bind(sums, values);
            try (ResultSet rows = sums.executeQuery()) {
                while (rows.next()) {
                    BucketSums row = new BucketSums();
                    row.newRevenue = amount(rows.getBigDecimal(2));
                    row.renewal = amount(rows.getBigDecimal(3));
                    row.refund = amount(rows.getBigDecimal(4));
                    row.payments = rows.getLong(5);
                    row.renewals = rows.getLong(6);
                    row.refunds = rows.getLong(7);
                    row.freeTrials = rows.getLong(8);
                    row.pending = rows.getLong(9);
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
}
