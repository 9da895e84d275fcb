package fr.gasp.command.organisation;

import java.util.Optional;
import java.util.UUID;

/**
 * Where a member's name is kept, apart from the events so that it can be forgotten (RGPD).
 * Written in the transaction that stores the member's event, so the two never disagree.
 */
public interface MemberRegistry {

    void register(UUID memberId, UUID groupId, String displayName);

    /** Forgets the member's name; answers false if it was already forgotten. */
    boolean erase(UUID memberId);

    /** The group a member joined, if the member exists. */
    Optional<UUID> groupOf(UUID memberId);
}
