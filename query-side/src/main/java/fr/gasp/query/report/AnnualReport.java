package fr.gasp.query.report;

import fr.gasp.events.organisation.GroupKind;
import fr.gasp.query.audit.ChainFingerprint;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The year presented at the joint meeting (restitution): figures by business date, what
 * was achieved, what is under study, every decision with its rationale, and the meetings
 * held against the cadence. The history fingerprint is the audit chain's head on the day the
 * report is produced: anyone can later check that the history it covers was never rewritten.
 */
public record AnnualReport(int year, UUID gaspId, String gaspName, List<String> communes, LocalDate asOf,
                           List<GroupLine> groups, StepCounts proposals, List<String> sharedThemes,
                           List<Achievement> achievements, List<Study> underStudy, List<Decision> decisions,
                           List<JointMeeting> jointMeetings, Dashboard.LeadTimes leadTimes,
                           ChainFingerprint.Fingerprint historyFingerprint) {

    public AnnualReport withHistoryFingerprint(ChainFingerprint.Fingerprint fingerprint) {
        return new AnnualReport(year, gaspId, gaspName, communes, asOf, groups, proposals, sharedThemes, achievements,
                underStudy, decisions, jointMeetings, leadTimes, fingerprint);
    }

    public record GroupLine(UUID groupId, String name, GroupKind kind, long meetingsHeld, long meetingsExpected,
                            List<String> themes) {
    }

    public record Achievement(UUID proposalId, String title, LocalDate completedOn, String outcome) {
    }

    public record Study(UUID proposalId, String title, LocalDate decidedOn, String rationale) {
    }

    public record Decision(UUID proposalId, String title, String outcome, LocalDate decidedOn, String rationale) {
    }

    public record JointMeeting(UUID meetingId, LocalDate occurredOn, List<Presented> presented) {
    }

    public record Presented(UUID proposalId, String title) {
    }
}
