package dev.payments.currency;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An immutable in-memory book of ECB daily rates (units per 1 EUR), compact enough to hold the whole history since
 * 1999 in about 2 MiB: per currency, sorted arrays of days and of rates in millionths. Lookups are binary searches;
 * {@link #with} builds a new book, so readers never wait for a load.
 *
 * <p>The rules of {@link #convert}: the same currency converts at exactly 1, with or without rates. Otherwise the rate
 * is the one of the last publication on or before the payment's day (a weekend or holiday uses the previous working
 * day's); a day after the newest publication has no rate yet, and neither has a currency not published on that day
 * nor a day more than a week after the publication before it (rates missing from what was loaded).
 * Other pairs cross through the euro; the result is rounded once, half to even, to the target's minor units.
 */
public final class RateBook {

    public static final RateBook EMPTY = new RateBook(new int[0], Map.of());

    private static final String EURO = "EUR";
    private static final int MICROS = 6;
    private static final int RATE_DECIMALS = 10;
    /**
     * ECB publishes every working day; its longest pause (Christmas to New Year) is shorter than this. A publication
     * older than this before the payment's day means rates are missing there (a gap in what was loaded), not a pause.
     */
    static final int MAX_DAYS_SINCE_PUBLICATION = 7;
    /** For currencies without minor units in ISO 4217 (gold, SDR...): the storage precision. */
    private static final int UNDEFINED_MINOR_UNITS = 8;

    private final int[] publications;
    private final Map<String, RateSeries> series;

    private RateBook(int[] publications, Map<String, RateSeries> series) {
        this.publications = publications;
        this.series = series;
    }

    /** A new book with these days added; for a day and currency already held, the added rate wins. */
    public RateBook with(Collection<DailyRates> days) {
        Map<String, TreeMap<Integer, Long>> added = new HashMap<>();
        for (DailyRates day : days) {
            int epochDay = (int) day.date().toEpochDay();
            day.perEuro().forEach((currency, rate) ->
                    added.computeIfAbsent(currency, c -> new TreeMap<>()).put(epochDay, micros(rate)));
        }
        Set<String> currencies = new TreeSet<>(series.keySet());
        currencies.addAll(added.keySet());
        Builder builder = new Builder();
        for (String currency : currencies) {
            series.getOrDefault(currency, RateSeries.EMPTY)
                    .mergeInto(builder, currency, added.getOrDefault(currency, new TreeMap<>()));
        }
        return builder.build();
    }

    /**
     * Builds a book from rates given currency by currency, each in ascending day order (as the table returns them),
     * without an object per rate: loading the whole history stays cheap in time and memory.
     */
    public static final class Builder {

        private final Map<String, RateSeries> series = new HashMap<>();
        private final BitSet publications = new BitSet();
        private String currency;
        private int[] days = new int[1024];
        private long[] micros = new long[1024];
        private int count;

        /** A rate in millionths of a unit per euro. */
        public void add(String currency, int epochDay, long micros) {
            if (epochDay < 0) {
                throw new IllegalArgumentException("no ECB rates before 1999: " + LocalDate.ofEpochDay(epochDay));
            }
            if (!currency.equals(this.currency)) {
                finishSeries();
                this.currency = currency;
            }
            if (count == days.length) {
                days = Arrays.copyOf(days, count * 2);
                this.micros = Arrays.copyOf(this.micros, count * 2);
            }
            days[count] = epochDay;
            this.micros[count++] = micros;
            publications.set(epochDay);
        }

        public RateBook build() {
            finishSeries();
            return new RateBook(publications.stream().toArray(), Map.copyOf(series));
        }

        private void finishSeries() {
            if (currency != null && count > 0) {
                series.put(currency, new RateSeries(Arrays.copyOf(days, count), Arrays.copyOf(micros, count)));
            }
            count = 0;
        }
    }

    public Optional<LocalDate> latest() {
        return publications.length == 0 ? Optional.empty()
                : Optional.of(LocalDate.ofEpochDay(publications[publications.length - 1]));
    }

    /** How many (day, currency) rates the book holds. */
    public int size() {
        return series.values().stream().mapToInt(RateSeries::size).sum();
    }

    public Optional<Conversion> convert(BigDecimal amount, String from, String to, LocalDate date) {
        if (from.equals(to)) {
            return Optional.of(new Conversion(amount.setScale(minorUnits(to), RoundingMode.HALF_EVEN), to,
                    BigDecimal.ONE, date));
        }
        int published = lastPublicationOnOrBefore((int) date.toEpochDay());
        if (published < 0) {
            return Optional.empty();
        }
        BigDecimal fromPerEuro = perEuro(from, publications[published]);
        BigDecimal toPerEuro = perEuro(to, publications[published]);
        if (fromPerEuro == null || toPerEuro == null) {
            return Optional.empty();
        }
        BigDecimal converted = amount.multiply(toPerEuro).divide(fromPerEuro, minorUnits(to), RoundingMode.HALF_EVEN);
        BigDecimal rate = toPerEuro.divide(fromPerEuro, RATE_DECIMALS, RoundingMode.HALF_EVEN);
        return Optional.of(new Conversion(converted, to, rate, LocalDate.ofEpochDay(publications[published])));
    }

    /**
     * The index of that publication, or -1 when the day is after the last one (its rate may not be out yet), before
     * the first one, or in a gap of the loaded rates.
     */
    private int lastPublicationOnOrBefore(int day) {
        if (publications.length == 0 || day > publications[publications.length - 1]) {
            return -1;
        }
        int index = Arrays.binarySearch(publications, day);
        int found = index >= 0 ? index : -index - 2;
        return found >= 0 && day - publications[found] <= MAX_DAYS_SINCE_PUBLICATION ? found : -1;
    }

    private BigDecimal perEuro(String currency, int day) {
        if (EURO.equals(currency)) {
            return BigDecimal.ONE;
        }
        RateSeries rates = series.get(currency);
        long micros = rates == null ? RateSeries.ABSENT : rates.on(day);
        return micros == RateSeries.ABSENT ? null : BigDecimal.valueOf(micros, MICROS);
    }

    private static long micros(BigDecimal rate) {
        try {
            return rate.movePointRight(MICROS).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("rate " + rate + " has more than " + MICROS + " decimal places", e);
        }
    }

    private static int minorUnits(String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return digits < 0 ? UNDEFINED_MINOR_UNITS : digits;
    }
}
