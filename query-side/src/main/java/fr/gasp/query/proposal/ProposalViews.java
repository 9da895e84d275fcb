package fr.gasp.query.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import fr.gasp.events.organisation.GroupKind;
import fr.gasp.events.proposal.ProposalAction;
import fr.gasp.events.proposal.ProposalStatus;
import fr.gasp.query.meeting.MeetingViews.MeetingReference;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The shapes the proposal API answers with (api.md). */
public final class ProposalViews {

    private ProposalViews() {
    }

    public record RaisedBy(UUID groupId, String groupName, GroupKind kind) {
    }

    public record Summary(UUID id, UUID gaspId, String title, ProposalStatus status, List<String> themes,
                          RaisedBy raisedBy, LocalDate raisedOn, LocalDate lastOccurredOn, long version) {
    }

    public record Page(List<Summary> items, long total, int page, int size) {
    }

    public record Discussion(UUID groupId, String groupName, UUID meetingId, MeetingReference meeting, String summary,
                             LocalDate occurredOn, long version) {
    }

    public record Decision(String outcome, String rationale, UUID meetingId, MeetingReference meeting,
                           LocalDate decidedOn, String decidedBy, long version) {
    }

    /** The proposal was presented at this joint meeting (restitution). */
    public record Presentation(UUID meetingId, MeetingReference meeting, LocalDate occurredOn, long version) {
    }

    public record Implementation(String owner, LocalDate targetDate, LocalDate startedOn, Integer percent,
                                 String lastNote, LocalDate completedOn, String outcome) {
    }

    public record Withdrawal(String reason, LocalDate withdrawnOn) {
    }

    public record Detail(UUID id, UUID gaspId, String title, String description, List<String> themes,
                         ProposalStatus status, Set<ProposalAction> allowedActions, RaisedBy raisedBy,
                         UUID raisedAtMeetingId, MeetingReference raisedAt, LocalDate raisedOn, LocalDate submittedOn,
                         LocalDate lastOccurredOn, long version, List<Discussion> discussions,
                         List<Decision> decisions, List<Presentation> presentations, Implementation implementation,
                         Withdrawal withdrawal) {
    }

    /** One event of the proposal; {@code meeting} names {@code meetingId} when the meeting is known. */
    public record HistoryEntry(long version, String type, LocalDate occurredOn, Instant recordedAt, String actor,
                               String role, UUID meetingId, MeetingReference meeting, JsonNode data) {
    }

    /** What a list may be narrowed to; {@code null} means no narrowing. */
    public record Filter(UUID gaspId, ProposalStatus status, UUID groupId, String theme, Integer year) {
    }
}
