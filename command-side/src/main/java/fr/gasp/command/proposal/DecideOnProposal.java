package fr.gasp.command.proposal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

public record DecideOnProposal(@TargetAggregateIdentifier UUID proposalId, DecisionOutcome outcome,
                               String rationale, UUID meetingId, LocalDate occurredOn) {
}
