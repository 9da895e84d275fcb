package fr.gasp.events.proposal;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A group (collective authorship: never a person) raised a proposal, usually at one of its meetings. */
@Revision("1")
public record ProposalRaised(UUID proposalId, UUID gaspId, UUID raisedByGroupId, UUID meetingId,
                             String title, String description, List<String> themes, LocalDate occurredOn) implements ProposalEvent {
}
