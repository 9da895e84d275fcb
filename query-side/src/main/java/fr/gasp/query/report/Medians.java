package fr.gasp.query.report;

import java.util.List;

/** The median of a list of day counts: the middle value, or the mean of the two middle ones. */
final class Medians {

    private Medians() {
    }

    static Double of(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
    }
}
