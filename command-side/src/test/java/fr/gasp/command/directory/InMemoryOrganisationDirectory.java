package fr.gasp.command.organisation;

import fr.gasp.events.organisation.GroupKind;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The organisation directory for aggregate tests: the GASPs and groups a test declares,
 * kept in memory. Like the real directory, a group can only belong to a known GASP.
 */
public class InMemoryOrganisationDirectory implements OrganisationDirectory {

    private final Set<UUID> gasps = new HashSet<>();
    private final Map<UUID, KnownGroup> groups = new HashMap<>();

    public InMemoryOrganisationDirectory withGasp(UUID gaspId) {
        gasps.add(gaspId);
        return this;
    }

    public InMemoryOrganisationDirectory withGroup(UUID groupId, UUID gaspId, GroupKind kind) {
        if (!gasps.contains(gaspId)) {
            throw new IllegalStateException("declare GASP " + gaspId + " before its group " + groupId);
        }
        groups.put(groupId, new KnownGroup(groupId, gaspId, kind));
        return this;
    }

    @Override
    public boolean gaspExists(UUID gaspId) {
        return gasps.contains(gaspId);
    }

    @Override
    public Optional<KnownGroup> group(UUID groupId) {
        return Optional.ofNullable(groups.get(groupId));
    }
}
