package fr.gasp.command.proposal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

public record ReportProgress(@TargetAggregateIdentifier UUID proposalId, int percent, String note,
                             LocalDate occurredOn) {
}
