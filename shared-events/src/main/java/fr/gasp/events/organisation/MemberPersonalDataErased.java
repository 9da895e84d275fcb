package fr.gasp.events.organisation;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The member registry forgot a person's name on request (RGPD). Nothing else needs
 * rewriting: no event ever held it.
 */
@Revision("1")
public record MemberPersonalDataErased(UUID groupId, UUID memberId, LocalDate occurredOn) {
}
