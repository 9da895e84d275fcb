package fr.gasp.events.proposal;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

/** A progress report on the implementation, 0 to 100 %. */
@Revision("1")
public record ImplementationProgressed(UUID proposalId, int percent, String note, LocalDate occurredOn) implements ProposalEvent {
}
