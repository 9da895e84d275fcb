package fr.gasp.events.proposal;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

/** The referents validated the proposal; the rationale is optional. */
@Revision("1")
public record ProposalValidated(UUID proposalId, UUID meetingId, String rationale, LocalDate occurredOn) implements ProposalEvent {
}
