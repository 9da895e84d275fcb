package fr.gasp.events.meeting;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A meeting took place. {@code groupId} is the meeting's group (the referents' group for a
 * session, none for a joint meeting); attendees are member ids, never names.
 */
@Revision("1")
public record MeetingHeld(UUID meetingId, UUID gaspId, MeetingKind kind, UUID groupId, LocalDate occurredOn,
                          Integer attendeeCount, List<UUID> attendeeIds) {
}
