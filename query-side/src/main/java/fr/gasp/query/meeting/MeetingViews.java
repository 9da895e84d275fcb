package fr.gasp.query.meeting;

import fr.gasp.events.meeting.MeetingKind;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The shapes the meeting API answers with. */
public final class MeetingViews {

    private MeetingViews() {
    }

    /** A meeting: when, who, its current minutes and what it did with proposals. */
    public record MeetingView(UUID id, UUID gaspId, MeetingKind kind, UUID groupId, String groupName,
                              LocalDate occurredOn, Integer attendeeCount, List<Attendee> attendees, Minutes minutes,
                              MeetingProposals proposals, long version) {
    }

    public record Attendee(UUID memberId, String displayName) {
    }

    /** The current version of the minutes. */
    public record Minutes(int version, String text, LocalDate occurredOn, Instant recordedAt) {
    }

    /** One version of the minutes, as the minutes' history lists it. */
    public record MinutesVersion(int version, String text, LocalDate occurredOn, Instant recordedAt, String actor) {
    }

    public record MeetingProposals(List<ProposalAtMeeting> raised, List<ProposalAtMeeting> discussed,
                                   List<ProposalAtMeeting> submitted, List<ProposalDecided> decided,
                                   List<ProposalAtMeeting> presented) {
    }

    public record ProposalAtMeeting(UUID proposalId, String title) {
    }

    public record ProposalDecided(UUID proposalId, String title, String outcome) {
    }

    /** How other read models name the meeting at which something happened. */
    public record MeetingReference(UUID id, MeetingKind kind, LocalDate occurredOn, UUID groupId, String groupName) {
    }

    /** What a list may be narrowed to; {@code null} means no narrowing. */
    public record Filter(UUID gaspId, UUID groupId, Integer year) {
    }
}
