package fr.gasp.query.report;

import fr.gasp.query.report.Dashboard.LeadTimes;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A pair of dates a lead time is measured between, and how many proposals have it
 * ({@link ProposalFacts#leadTimeDates}): raised and first decided ({@link Span#DECISION}), or
 * last validated and first completed ({@link Span#IMPLEMENTATION}, {@code end} null while
 * not completed).
 */
public record LeadTimeDates(Span span, LocalDate start, LocalDate end, long proposals) {

    public enum Span { DECISION, IMPLEMENTATION }

    /**
     * Raised to first decision, for the proposals first decided in the period; validation to
     * completion, for the proposals completed in the period (medians in days).
     */
    static LeadTimes leadTimes(List<LeadTimeDates> dates, ReportPeriod period) {
        Map<Long, Long> toDecision = new TreeMap<>();
        Map<Long, Long> toImplemented = new TreeMap<>();
        for (LeadTimeDates pair : dates) {
            if (pair.end() == null || pair.end().isBefore(period.from())) {
                continue;
            }
            Map<Long, Long> days = pair.span() == Span.DECISION ? toDecision : toImplemented;
            days.merge(ChronoUnit.DAYS.between(pair.start(), pair.end()), pair.proposals(), Long::sum);
        }
        return new LeadTimes(Medians.of(toDecision), Medians.of(toImplemented), (int) total(toDecision),
                (int) total(toImplemented));
    }

    /** Of the proposals validated by the date the pairs were read to, the share completed by then. */
    static Double implementationRate(List<LeadTimeDates> dates) {
        long validated = 0;
        long completed = 0;
        for (LeadTimeDates pair : dates) {
            if (pair.span() == Span.IMPLEMENTATION) {
                validated += pair.proposals();
                completed += pair.end() == null ? 0 : pair.proposals();
            }
        }
        return validated == 0 ? null : (double) completed / validated;
    }

    private static long total(Map<Long, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
