package fr.gasp.query.report;

import java.util.Map;

/** How many proposals had each kind of step in a period (a proposal counts once per kind). */
public record StepCounts(long raised, long discussed, long submitted, long validated, long rejected, long underStudy,
                         long implemented, long withdrawn) {

    static StepCounts of(Map<String, Long> byType) {
        return new StepCounts(count(byType, StepTypes.RAISED), count(byType, StepTypes.DISCUSSED),
                count(byType, StepTypes.SUBMITTED), count(byType, StepTypes.VALIDATED),
                count(byType, StepTypes.REJECTED), count(byType, StepTypes.UNDER_STUDY),
                count(byType, StepTypes.COMPLETED), count(byType, StepTypes.WITHDRAWN));
    }

    static long count(Map<String, Long> byType, String type) {
        return byType == null ? 0 : byType.getOrDefault(type, 0L);
    }
}
