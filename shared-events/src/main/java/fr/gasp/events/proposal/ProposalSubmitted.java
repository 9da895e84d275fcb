package fr.gasp.events.proposal;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

/** The proposal went to the referents for a decision (first time, or again after a study). */
@Revision("1")
public record ProposalSubmitted(UUID proposalId, UUID meetingId, String note, LocalDate occurredOn) implements ProposalEvent {
}
