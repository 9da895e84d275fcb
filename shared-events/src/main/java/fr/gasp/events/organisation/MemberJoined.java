package fr.gasp.events.organisation;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Someone joined a group. The member is an opaque id: the name lives in the member registry,
 * which can forget it; the institution (for agents) and the role in the group are not
 * personal data and stay here, for the turn-over of institutions over time.
 */
@Revision("1")
public record MemberJoined(UUID groupId, UUID memberId, String institution, String role, LocalDate occurredOn) {
}
