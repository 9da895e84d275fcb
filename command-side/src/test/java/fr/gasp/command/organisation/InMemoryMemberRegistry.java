package fr.gasp.command.organisation;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The member registry for aggregate tests, kept in memory. Like the real one, a member is
 * registered once, its name can be forgotten (once), and the group it joined stays known.
 */
public class InMemoryMemberRegistry implements MemberRegistry {

    private record Entry(UUID groupId, String displayName, boolean erased, LocalDate joinedOn, LocalDate leftOn) {
    }

    /** Members registered with {@link #withMember} joined long before any test date. */
    private static final LocalDate LONG_AGO = LocalDate.of(1990, 1, 1);

    private final Map<UUID, Entry> members = new LinkedHashMap<>();

    /** A member registered before the test starts, as if it had joined the group. */
    public InMemoryMemberRegistry withMember(UUID memberId, UUID groupId, String displayName) {
        register(memberId, groupId, displayName, LONG_AGO);
        return this;
    }

    /** A member who belonged to the group between two dates. */
    public InMemoryMemberRegistry withFormerMember(UUID memberId, UUID groupId, LocalDate joinedOn, LocalDate leftOn) {
        register(memberId, groupId, "Ancien membre", joinedOn);
        recordDeparture(memberId, leftOn);
        return this;
    }

    @Override
    public void register(UUID memberId, UUID groupId, String displayName, LocalDate joinedOn) {
        if (members.containsKey(memberId)) {
            throw new IllegalStateException("member " + memberId + " is already registered");
        }
        members.put(memberId, new Entry(groupId, displayName, false, joinedOn, null));
    }

    @Override
    public void recordDeparture(UUID memberId, LocalDate leftOn) {
        Entry entry = members.get(memberId);
        if (entry == null) {
            // Like the real registry's UPDATE, a member it does not hold is left alone.
            return;
        }
        members.put(memberId, new Entry(entry.groupId(), entry.displayName(), entry.erased(), entry.joinedOn(), leftOn));
    }

    @Override
    public boolean erase(UUID memberId) {
        Entry entry = members.get(memberId);
        if (entry == null || entry.erased()) {
            return false;
        }
        members.put(memberId, new Entry(entry.groupId(), null, true, entry.joinedOn(), entry.leftOn()));
        return true;
    }

    @Override
    public Optional<Membership> membership(UUID memberId) {
        return Optional.ofNullable(members.get(memberId))
                .map(entry -> new Membership(entry.groupId(), entry.joinedOn(), entry.leftOn()));
    }

    public Optional<LocalDate> leftOn(UUID memberId) {
        return Optional.ofNullable(members.get(memberId)).map(Entry::leftOn);
    }

    /** The name the registry holds for a member; empty if unknown or forgotten. */
    public Optional<String> displayName(UUID memberId) {
        return Optional.ofNullable(members.get(memberId)).map(Entry::displayName);
    }

    public boolean isErased(UUID memberId) {
        Entry entry = members.get(memberId);
        return entry != null && entry.erased();
    }

    public boolean isEmpty() {
        return members.isEmpty();
    }
}
