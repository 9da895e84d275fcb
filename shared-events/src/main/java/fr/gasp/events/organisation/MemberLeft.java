package fr.gasp.events.organisation;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

/** A member left the group (turn-over). */
@Revision("1")
public record MemberLeft(UUID groupId, UUID memberId, LocalDate occurredOn) {
}
