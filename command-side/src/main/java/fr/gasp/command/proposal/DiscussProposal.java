package fr.gasp.command.proposal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

public record DiscussProposal(@TargetAggregateIdentifier UUID proposalId, UUID groupId, UUID meetingId,
                              String summary, LocalDate occurredOn) {
}
