package fr.gasp.command.directory;

import fr.gasp.events.meeting.MeetingKind;
import fr.gasp.events.organisation.GroupKind;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The organisation directory for aggregate tests: the GASPs, groups and meetings a test
 * declares, kept in memory. Like the real directory, a group can only
 * belong to a known GASP.
 */
public class InMemoryOrganisationDirectory implements OrganisationDirectory {

    private final Set<UUID> gasps = new HashSet<>();
    private final Map<UUID, KnownGroup> groups = new LinkedHashMap<>();
    private final Map<UUID, KnownMeeting> meetings = new HashMap<>();

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

    public InMemoryOrganisationDirectory withMeeting(UUID meetingId, UUID gaspId, MeetingKind kind, UUID groupId,
                                                     LocalDate occurredOn) {
        if (!gasps.contains(gaspId) || (groupId != null && !groups.containsKey(groupId))) {
            throw new IllegalStateException("declare the GASP and group of meeting " + meetingId + " first");
        }
        meetings.put(meetingId, new KnownMeeting(meetingId, gaspId, kind, groupId, occurredOn));
        return this;
    }

    @Override
    public List<KnownGroup> groupsOf(UUID gaspId) {
        return groups.values().stream().filter(group -> group.gaspId().equals(gaspId)).toList();
    }

    @Override
    public Optional<KnownMeeting> meeting(UUID meetingId) {
        return Optional.ofNullable(meetings.get(meetingId));
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
