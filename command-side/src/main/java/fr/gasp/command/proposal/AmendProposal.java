package fr.gasp.command.proposal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Changes the wording; a {@code null} field stays as it is. */
public record AmendProposal(@TargetAggregateIdentifier UUID proposalId, String title, String description,
                            List<String> themes, LocalDate occurredOn) {
}
