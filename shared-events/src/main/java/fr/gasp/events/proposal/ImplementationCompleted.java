package fr.gasp.events.proposal;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

/** The proposal was carried out; the outcome says what changed for the public. Final. */
@Revision("1")
public record ImplementationCompleted(UUID proposalId, String outcome, LocalDate occurredOn) implements ProposalEvent {
}
