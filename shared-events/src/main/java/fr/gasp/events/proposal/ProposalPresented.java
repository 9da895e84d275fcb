package fr.gasp.events.proposal;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

/** The proposal was presented at a joint meeting (restitution), whatever its status. */
@Revision("1")
public record ProposalPresented(UUID proposalId, UUID meetingId, LocalDate occurredOn) implements ProposalEvent {
}
