package fr.gasp.events.proposal;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

/** The referents rejected the proposal, saying why. Final. */
@Revision("1")
public record ProposalRejected(UUID proposalId, UUID meetingId, String rationale, LocalDate occurredOn) implements ProposalEvent {
}
