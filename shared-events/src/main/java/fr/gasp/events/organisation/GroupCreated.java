package fr.gasp.events.organisation;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

/** A group of a GASP was formed. */
@Revision("1")
public record GroupCreated(UUID groupId, UUID gaspId, GroupKind kind, String name, LocalDate occurredOn) {
}
