package fr.gasp.query.report;

import java.util.Map;
import java.util.TreeMap;

/** The median of day counts: the middle value, or the mean of the two middle ones. */
final class Medians {

    private Medians() {
    }

    /** The median of values given as value → how many times it occurs; {@code null} for none. */
    static Double of(Map<Long, Long> countsByValue) {
        TreeMap<Long, Long> sorted = new TreeMap<>(countsByValue);
        long size = sorted.values().stream().mapToLong(Long::longValue).sum();
        if (size == 0) {
            return null;
        }
        // The values at (0-based) positions (size - 1) / 2 and size / 2: the same one when size is odd.
        Long lower = null;
        long seen = 0;
        for (Map.Entry<Long, Long> value : sorted.entrySet()) {
            seen += value.getValue();
            if (lower == null && seen > (size - 1) / 2) {
                lower = value.getKey();
            }
            if (seen > size / 2) {
                return (lower + value.getKey()) / 2.0;
            }
        }
        throw new IllegalStateException("unreachable: the counts add up to " + size);
    }
}
