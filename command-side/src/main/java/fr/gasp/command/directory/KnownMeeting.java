package fr.gasp.command.directory;

import fr.gasp.events.meeting.MeetingKind;

import java.time.LocalDate;
import java.util.UUID;

/** What the command side needs to know of a meeting to check a step said to happen at it. */
public record KnownMeeting(UUID meetingId, UUID gaspId, MeetingKind kind, UUID groupId, LocalDate occurredOn) {

    /** Whether the group met there: at its own meeting, or at the joint meeting of its GASP. */
    public boolean gathered(KnownGroup group) {
        return group.gaspId().equals(gaspId) && (kind == MeetingKind.JOINT || group.groupId().equals(groupId));
    }
}
