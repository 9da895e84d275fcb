package fr.gasp.events.proposal;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

/** A group (the raiser or another one) discussed the proposal at a meeting. */
@Revision("1")
public record ProposalDiscussed(UUID proposalId, UUID groupId, UUID meetingId, String summary, LocalDate occurredOn) implements ProposalEvent {
}
