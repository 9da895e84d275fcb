package fr.gasp.command.proposal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

public record StartImplementation(@TargetAggregateIdentifier UUID proposalId, String owner, LocalDate targetDate,
                                  LocalDate occurredOn) {
}
