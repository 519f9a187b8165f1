package dev.payments.currency;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/** One currency's rates per euro, as two parallel arrays sorted by day: epoch days and millionths. */
final class RateSeries {

    static final long ABSENT = -1;
    static final RateSeries EMPTY = new RateSeries(new int[0], new long[0]);

    private final int[] days;
    private final long[] micros;

    RateSeries(int[] days, long[] micros) {
        this.days = days;
        this.micros = micros;
    }

    /** The rate published on exactly that day, or {@link #ABSENT}. */
    long on(int day) {
        int index = Arrays.binarySearch(days, day);
        return index >= 0 ? micros[index] : ABSENT;
    }

    int size() {
        return days.length;
    }

    /** Adds this series and the added rates, in day order, to the builder; for a day in both, the added rate wins. */
    void mergeInto(RateBook.Builder builder, String currency, TreeMap<Integer, Long> added) {
        Iterator<Map.Entry<Integer, Long>> extra = added.entrySet().iterator();
        Map.Entry<Integer, Long> next = extra.hasNext() ? extra.next() : null;
        for (int i = 0; i < days.length; i++) {
            while (next != null && next.getKey() < days[i]) {
                builder.add(currency, next.getKey(), next.getValue());
                next = extra.hasNext() ? extra.next() : null;
            }
            if (next != null && next.getKey() == days[i]) {
                builder.add(currency, next.getKey(), next.getValue());
                next = extra.hasNext() ? extra.next() : null;
            } else {
                builder.add(currency, days[i], micros[i]);
            }
        }
        while (next != null) {
            builder.add(currency, next.getKey(), next.getValue());
            next = extra.hasNext() ? extra.next() : null;
        }
    }
}
