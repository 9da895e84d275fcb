package fr.gasp.command.proposal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** The proposal was presented at a joint meeting (restitution), on that meeting's date. */
public record PresentProposal(@TargetAggregateIdentifier UUID proposalId, UUID meetingId) {
}
