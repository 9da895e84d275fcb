package fr.gasp.events.organisation;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A GASP was set up for a territory (one or more communes). */
@Revision("1")
public record GaspCreated(UUID gaspId, String name, List<String> communes, LocalDate occurredOn) {
}
