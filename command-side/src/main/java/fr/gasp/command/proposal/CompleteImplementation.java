package fr.gasp.command.proposal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

public record CompleteImplementation(@TargetAggregateIdentifier UUID proposalId, String outcome,
                                     LocalDate occurredOn) {
}
