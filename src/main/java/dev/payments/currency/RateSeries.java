package dev.payments.currency;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** One currency's rates per euro, as two parallel sorted arrays: epoch days and millionths. */
final class RateSeries {

    static final long ABSENT = -1;

    private final int[] days;
    private final long[] micros;

    private RateSeries(int[] days, long[] micros) {
        this.days = days;
        this.micros = micros;
    }

    static RateSeries of(TreeMap<Integer, Long> rates) {
        int[] days = rates.keySet().stream().mapToInt(Integer::intValue).toArray();
        long[] micros = rates.values().stream().mapToLong(Long::longValue).toArray();
        return new RateSeries(days, micros);
    }

    /** The rate published on exactly that day, or {@link #ABSENT}. */
    long on(int day) {
        int index = Arrays.binarySearch(days, day);
        return index >= 0 ? micros[index] : ABSENT;
    }

    int size() {
        return days.length;
    }

    void copyInto(Map<Integer, Long> target) {
        for (int i = 0; i < days.length; i++) {
            target.put(days[i], micros[i]);
        }
    }
}
