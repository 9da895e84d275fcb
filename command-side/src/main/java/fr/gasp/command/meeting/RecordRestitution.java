package fr.gasp.command.meeting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.UUID;

/** The proposals a joint meeting presented; each proposal is then told with its own command. */
public record RecordRestitution(@TargetAggregateIdentifier UUID meetingId, List<UUID> proposalIds) {
}
