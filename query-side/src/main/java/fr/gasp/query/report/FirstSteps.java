package fr.gasp.query.report;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The steps first of their type in their year, on or before a date ({@link #readTo}), counted
 * per year, raising group and type ({@link ProposalFacts#firstSteps}). A count of distinct
 * proposals with a step of a type in a period is a sum of these lines: over the period's year
 * of the first-in-year counts, or over every year of the first-ever counts.
 */
public record FirstSteps(LocalDate readTo, List<Line> lines) {

    /** Of the first steps of a type in a year by one group's proposals: how many, and how many are first ever. */
    public record Line(int year, UUID groupId, String type, long firstInYear, long firstEver) {
    }

    /** Step type → distinct proposals with such a step in the period. */
    public Map<String, Long> byType(ReportPeriod period) {
        Map<String, Long> counts = new HashMap<>();
        inPeriod(period, (line, count) -> counts.merge(line.type(), count, Long::sum));
        return counts;
    }

    /** Raising group → step type → distinct proposals with such a step in the period. */
    public Map<UUID, Map<String, Long>> byGroup(ReportPeriod period) {
        Map<UUID, Map<String, Long>> counts = new HashMap<>();
        inPeriod(period, (line, count) ->
                counts.computeIfAbsent(line.groupId(), id -> new HashMap<>()).merge(line.type(), count, Long::sum));
        return counts;
    }

    /** Year → step type → distinct proposals with such a step that year (up to the date read to), years in order. */
    public Map<Integer, Map<String, Long>> byYear() {
        Map<Integer, Map<String, Long>> counts = new TreeMap<>();
        for (Line line : lines) {
            counts.computeIfAbsent(line.year(), year -> new HashMap<>()).merge(line.type(), line.firstInYear(),
                    Long::sum);
        }
        return counts;
    }

    private interface Counter {
        void add(Line line, long count);
    }

    /**
     * A period from the beginning is counted on its first-ever steps, and must end on the day
     * read to; a year's on its first-in-year steps of that year, and must end on the day read
     * to or on the year's last day (all of its steps are then in the lines).
     */
    private void inPeriod(ReportPeriod period, Counter counter) {
        if (period.isEmpty()) {
            return;
        }
        if (period.from().equals(ReportPeriod.BEGINNING)) {
            requireEnd(period.to().equals(readTo), period);
            lines.forEach(line -> counter.add(line, line.firstEver()));
            return;
        }
        int year = period.from().getYear();
        requireEnd(period.from().getDayOfYear() == 1 && period.to().getYear() == year
                && (period.to().equals(readTo)
                || (period.to().equals(LocalDate.of(year, 12, 31)) && period.to().isBefore(readTo))), period);
        lines.stream().filter(line -> line.year() == year).forEach(line -> counter.add(line, line.firstInYear()));
    }

    private void requireEnd(boolean readToTheEnd, ReportPeriod period) {
        if (!readToTheEnd) {
            throw new IllegalArgumentException("First steps read to " + readTo + " cannot count over " + period);
        }
    }
}
