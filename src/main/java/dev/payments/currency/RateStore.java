package dev.payments.currency;

import dev.payments.platform.database.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.sql.Date;
import java.sql.PreparedStatement;
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
    Jdbc jdbc;

    /** Stores the days (a later load of the same day and currency replaces the rate). */
    void store(List<DailyRates> days) {
        List<Object[]> rows = new ArrayList<>();
        days.forEach(day -> day.perEuro().forEach((currency, rate) ->
                rows.add(new Object[] {Date.valueOf(day.date()), currency, rate})));
        jdbc.onConnection(connection -> {
            for (int from = 0; from < rows.size(); from += CHUNK) {
                List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
                try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                    upsert.setArray(1, connection.createArrayOf("date", column(chunk, 0)));
                    upsert.setArray(2, connection.createArrayOf("varchar", column(chunk, 1)));
                    upsert.setArray(3, connection.createArrayOf("numeric", column(chunk, 2)));
                    upsert.executeUpdate();
                }
            }
            return null;
        });
    }

    /** How many rates are stored for days up to the given one. */
    long count(LocalDate upTo) {
        return jdbc.single("select count(*) from exchange_rate where rate_date <= ?", Jdbc.values(Date.valueOf(upTo)),
                row -> row.getLong(1)).orElseThrow();
    }

    /**
     * Whether two stored days in a row, between the bounds (both taken as stored), are more than the pause apart: days
     * missing there. It walks the primary key from the first bound, each step to the last stored day within the pause
     * (some 1,500 index probes for the history since 1999), and stops at the first gap.
     */
    boolean hasGap(LocalDate from, LocalDate to, int pause) {
        return jdbc.single("""
                        with recursive step(day) as (
                            select ?::date
                            union all
                            select (select max(rate_date) from exchange_rate
                                    where rate_date > step.day and rate_date <= step.day + ?)
                            from step where step.day + ? < ?::date)
                        select exists (select 1 from step where day is null)""",
                Jdbc.values(Date.valueOf(from), pause, pause, Date.valueOf(to)), row -> row.getBoolean(1))
                .orElseThrow();
    }

    /**
     * Every stored rate, read as one row per currency whose days and rates PostgreSQL packs into bytes (a 4-byte day and
     * an 8-byte rate in millionths, in day order): a few dozen rows instead of one per rate, so that the load right
     * after start-up costs little CPU and leaves little garbage behind.
     */
    RateBook loadBook() {
        RateBook.Builder book = new RateBook.Builder();
        List<PackedRates> currencies = jdbc.query("""
                select currency, string_agg(int4send(rate_date - date '1970-01-01')
                    || int8send((per_euro * 1000000)::bigint), ''::bytea order by rate_date)
                from exchange_rate group by currency""", Jdbc.values(),
                row -> new PackedRates(row.getString(1), row.getBytes(2)));
        for (PackedRates packed : currencies) {
            ByteBuffer rates = ByteBuffer.wrap(packed.daysAndRates());
            while (rates.hasRemaining()) {
                book.add(packed.currency(), rates.getInt(), rates.getLong());
            }
        }
        return book.build();
    }

    /** A currency's stored days and rates, as {@link #loadBook()} reads them. */
    private record PackedRates(String currency, byte[] daysAndRates) {
    }

    private static Object[] column(List<Object[]> rows, int index) {
        return rows.stream().map(row -> row[index]).toArray();
    }
}
