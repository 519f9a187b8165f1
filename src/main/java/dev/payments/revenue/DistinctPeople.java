package dev.payments.revenue;

import dev.payments.platform.database.SqlParameters;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The distinct customers (ids, else emails) and visitors who paid in a range, free trials left out: each read in key
 * order from an index alone (migration V8), so that counting them is one pass without a sort. The customers are the
 * union of distinct ids and distinct emails of payments without an id, as count(distinct coalesce(id, email)).
 */
enum DistinctPeople {

    CUSTOMERS(2, """
            select count(*) from (
                select distinct customer_id from payment
                where website_id = ? and customer_id is not null and occurred_at between ? and ? and not free_trial
                union
                select distinct customer_email from payment
                where website_id = ? and customer_id is null and customer_email is not null
                      and occurred_at between ? and ? and not free_trial) customers"""),
    VISITORS(1, """
            select count(*) from (
                select distinct visitor_id from payment
                where website_id = ? and visitor_id is not null and occurred_at between ? and ? and not free_trial
            ) visitors""");

    /** How many times the statement reads the range: website, start and end each time. */
    private final int ranges;
    private final String sql;

    DistinctPeople(int ranges, String sql) {
        this.ranges = ranges;
        this.sql = sql;
    }

    long count(Connection connection, String websiteId, Instant start, Instant end) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(sql)) {
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < ranges; i++) {
                values.addAll(List.of(websiteId, start, end));
            }
            SqlParameters.bind(count, values);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
