package fr.gasp.command.proposal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

public record WithdrawProposal(@TargetAggregateIdentifier UUID proposalId, String reason, LocalDate occurredOn) {
}
