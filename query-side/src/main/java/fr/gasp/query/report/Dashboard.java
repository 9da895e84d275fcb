package fr.gasp.query.report;

import fr.gasp.events.meeting.MeetingKind;
import fr.gasp.events.organisation.GroupKind;
import fr.gasp.events.proposal.ProposalStatus;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What elected officials look at: where things stand, what waits for referents, lead times, meetings. */
public record Dashboard(UUID gaspId, String gaspName, Integer year, LocalDate asOf, LocalDate from, LocalDate to,
                        Map<ProposalStatus, Long> countsByStatus, StepCounts totals, Double implementationRate,
                        List<GroupLine> byGroup, List<ThemeLine> byTheme, List<Waiting> awaitingReferents,
                        LeadTimes leadTimes, List<MeetingLine> meetings, List<YearLine> trend) {

    public record GroupLine(UUID groupId, String name, GroupKind kind, long raised, long validated, long implemented) {
    }

    public record ThemeLine(String theme, long raised, long validated, long implemented) {
    }

    public record Waiting(UUID proposalId, String title, LocalDate submittedOn, long daysWaiting) {
    }

    /** Medians in days; {@code null} when nothing in the period allows to measure it. */
    public record LeadTimes(Double medianDaysRaisedToDecision, Double medianDaysDecisionToImplemented,
                            int decisionsMeasured, int implementationsMeasured) {
    }

    public record MeetingLine(UUID groupId, String groupName, MeetingKind kind, long expected, long held) {
    }

    public record YearLine(int year, long raised, long validated, long implemented) {
    }
}
