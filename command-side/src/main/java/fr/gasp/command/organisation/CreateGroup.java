package fr.gasp.command.organisation;

import fr.gasp.events.organisation.GroupKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

public record CreateGroup(@TargetAggregateIdentifier UUID groupId, UUID gaspId, GroupKind kind, String name,
                          LocalDate occurredOn) {
}
