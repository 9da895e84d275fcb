package fr.gasp.command.organisation;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a member's name is kept, apart from the events so that it can be forgotten (RGPD).
 * Written in the transaction that stores the member's event, so the two never disagree.
 */
public interface MemberRegistry {

    void register(UUID memberId, UUID groupId, String displayName, LocalDate joinedOn);

    void recordDeparture(UUID memberId, LocalDate leftOn);

    /** Forgets the member's name; answers false if it was already forgotten. */
    boolean erase(UUID memberId);

    /** The group a member joined and when, if the member exists. */
    Optional<Membership> membership(UUID memberId);

    default Optional<UUID> groupOf(UUID memberId) {
        return membership(memberId).map(Membership::groupId);
    }

    /** A member's stay in a group; {@code leftOn} is {@code null} while the member stays. */
    record Membership(UUID groupId, LocalDate joinedOn, LocalDate leftOn) {

        /** Members registered before join dates were kept have none: they count as always there. */
        public boolean memberOn(LocalDate date) {
            return (joinedOn == null || !date.isBefore(joinedOn)) && (leftOn == null || !date.isAfter(leftOn));
        }
    }
}
