package fr.gasp.command.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

public record RemoveMember(@TargetAggregateIdentifier UUID groupId, UUID memberId, LocalDate occurredOn) {
}
