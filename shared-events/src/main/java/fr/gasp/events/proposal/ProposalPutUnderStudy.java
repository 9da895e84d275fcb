package fr.gasp.events.proposal;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

/** The referents asked for a study before deciding, saying what is to be studied. */
@Revision("1")
public record ProposalPutUnderStudy(UUID proposalId, UUID meetingId, String rationale, LocalDate occurredOn) implements ProposalEvent {
}
