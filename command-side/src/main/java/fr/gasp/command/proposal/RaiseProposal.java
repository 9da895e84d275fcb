package fr.gasp.command.proposal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record RaiseProposal(@TargetAggregateIdentifier UUID proposalId, UUID raisedByGroupId, UUID meetingId,
                            String title, String description, List<String> themes, LocalDate occurredOn) {
}
