package fr.gasp.events.proposal;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

/** An institution took charge of carrying out a validated proposal. */
@Revision("1")
public record ImplementationStarted(UUID proposalId, String owner, LocalDate targetDate, LocalDate occurredOn) implements ProposalEvent {
}
