package dev.payments.currency;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The exchange_rate table: every rate ever loaded, the source the in-memory book is built from. */
@ApplicationScoped
class RateStore {

    /** Rows per statement: the arrays of one upsert. */
    private static final int CHUNK = 20_000;
    private static final String UPSERT = """
            insert into exchange_rate (rate_date, currency, per_euro)
            select * from unnest(?::date[], ?::varchar[], ?::numeric[])
            on conflict (rate_date, currency) do update set per_euro = excluded.per_euro
            where exchange_rate.per_euro <> excluded.per_euro""";

    @Inject
    AgroalDataSource dataSource;

    /** Stores the days (a later load of the same day and currency replaces the rate). */
    void store(List<DailyRates> days) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        days.forEach(day -> day.perEuro().forEach((currency, rate) ->
                rows.add(new Object[] {Date.valueOf(day.date()), currency, rate})));
        try (Connection connection = dataSource.getConnection()) {
            for (int from = 0; from < rows.size(); from += CHUNK) {
                List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
                try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                    upsert.setArray(1, connection.createArrayOf("date", column(chunk, 0)));
                    upsert.setArray(2, connection.createArrayOf("varchar", column(chunk, 1)));
                    upsert.setArray(3, connection.createArrayOf("numeric", column(chunk, 2)));
                    upsert.executeUpdate();
                }
            }
        }
    }

    /** How many rates are stored for days up to the given one. */
    long count(LocalDate upTo) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "select count(*) from exchange_rate where rate_date <= ?")) {
            count.setDate(1, Date.valueOf(upTo));
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /**
     * Whether two stored days in a row, between the bounds (both taken as stored), are more than the pause apart: days
     * missing there. It walks the primary key from the first bound, each step to the last stored day within the pause
     * (some 1,500 index probes for the history since 1999), and stops at the first gap.
     */
    boolean hasGap(LocalDate from, LocalDate to, int pause) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement walk = connection.prepareStatement("""
                        with recursive step(day) as (
                            select ?::date
                            union all
                            select (select max(rate_date) from exchange_rate
                                    where rate_date > step.day and rate_date <= step.day + ?)
                            from step where step.day + ? < ?::date)
                        select exists (select 1 from step where day is null)""")) {
            walk.setDate(1, Date.valueOf(from));
            walk.setInt(2, pause);
            walk.setInt(3, pause);
            walk.setDate(4, Date.valueOf(to));
            try (ResultSet row = walk.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    /**
     * Every stored rate, read as one row per currency whose days and rates PostgreSQL packs into bytes (a 4-byte day and
     * an 8-byte rate in millionths, in day order): a few dozen rows instead of one per rate, so that the load right
     * after start-up costs little CPU and leaves little garbage behind.
     */
    RateBook loadBook() throws SQLException {
        RateBook.Builder book = new RateBook.Builder();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        select currency, string_agg(int4send(rate_date - date '1970-01-01')
                            || int8send((per_euro * 1000000)::bigint), ''::bytea order by rate_date)
                        from exchange_rate group by currency""");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String currency = rows.getString(1);
                ByteBuffer rates = ByteBuffer.wrap(rows.getBytes(2));
                while (rates.hasRemaining()) {
                    book.add(currency, rates.getInt(), rates.getLong());
                }
            }
        }
        return book.build();
    }

    private static Object[] column(List<Object[]> rows, int index) {
        return rows.stream().map(row -> row[index]).toArray();
    }
}
