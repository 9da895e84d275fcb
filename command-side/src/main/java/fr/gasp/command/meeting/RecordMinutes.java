package fr.gasp.command.meeting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

public record RecordMinutes(@TargetAggregateIdentifier UUID meetingId, String text, LocalDate occurredOn) {
}
