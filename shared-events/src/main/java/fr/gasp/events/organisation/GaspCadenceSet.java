package fr.gasp.events.organisation;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

/** The GASP chose how often its groups are expected to meet (until then: {@link Cadence#DEFAULT}). */
@Revision("1")
public record GaspCadenceSet(UUID gaspId, Cadence cadence, LocalDate occurredOn) {
}
