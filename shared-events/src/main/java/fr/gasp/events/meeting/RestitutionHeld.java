package fr.gasp.events.meeting;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A joint meeting presented these proposals (restitution); each proposal also records it. */
@Revision("1")
public record RestitutionHeld(UUID meetingId, List<UUID> proposalIds, LocalDate occurredOn) {
}
