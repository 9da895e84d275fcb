package fr.gasp.command.organisation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The member registry for aggregate tests, kept in memory. Like the real one, a member is
 * registered once, its name can be forgotten (once), and the group it joined stays known.
 */
public class InMemoryMemberRegistry implements MemberRegistry {

    private record Entry(UUID groupId, String displayName, boolean erased) {
    }

    private final Map<UUID, Entry> members = new LinkedHashMap<>();

    /** A member registered before the test starts, as if it had joined the group. */
    public InMemoryMemberRegistry withMember(UUID memberId, UUID groupId, String displayName) {
        register(memberId, groupId, displayName);
        return this;
    }

    @Override
    public void register(UUID memberId, UUID groupId, String displayName) {
        if (members.containsKey(memberId)) {
            throw new IllegalStateException("member " + memberId + " is already registered");
        }
        members.put(memberId, new Entry(groupId, displayName, false));
    }

    @Override
    public boolean erase(UUID memberId) {
        Entry entry = members.get(memberId);
        if (entry == null || entry.erased()) {
            return false;
        }
        members.put(memberId, new Entry(entry.groupId(), null, true));
        return true;
    }

    @Override
    public Optional<UUID> groupOf(UUID memberId) {
        return Optional.ofNullable(members.get(memberId)).map(Entry::groupId);
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
