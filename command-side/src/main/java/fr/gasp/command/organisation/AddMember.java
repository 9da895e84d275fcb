package fr.gasp.command.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

/** Someone joins a group; the display name goes to the member registry, never into an event. */
public record AddMember(@TargetAggregateIdentifier UUID groupId, UUID memberId, String displayName,
                        String institution, String role, LocalDate occurredOn) {
}
