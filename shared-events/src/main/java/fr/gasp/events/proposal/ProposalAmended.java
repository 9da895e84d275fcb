package fr.gasp.events.proposal;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The proposal's wording changed. A {@code null} field was left as it was; the event holds
 * the new values only, the history holds the old ones.
 */
@Revision("1")
public record ProposalAmended(UUID proposalId, String title, String description, List<String> themes,
                              LocalDate occurredOn) implements ProposalEvent {
}
