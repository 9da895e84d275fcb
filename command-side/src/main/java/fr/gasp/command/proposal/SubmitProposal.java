package fr.gasp.command.proposal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

public record SubmitProposal(@TargetAggregateIdentifier UUID proposalId, UUID meetingId, String note,
                             LocalDate occurredOn) {
}
