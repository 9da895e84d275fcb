package fr.gasp.events.proposal;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

/** The raising group withdrew its proposal before a final decision. Final. */
@Revision("1")
public record ProposalWithdrawn(UUID proposalId, String reason, LocalDate occurredOn) implements ProposalEvent {
}
