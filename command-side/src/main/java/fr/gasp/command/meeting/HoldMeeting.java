package fr.gasp.command.meeting;

import fr.gasp.events.meeting.MeetingKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record HoldMeeting(@TargetAggregateIdentifier UUID meetingId, UUID gaspId, MeetingKind kind, UUID groupId,
                          LocalDate occurredOn, Integer attendeeCount, List<UUID> attendeeIds) {
}
