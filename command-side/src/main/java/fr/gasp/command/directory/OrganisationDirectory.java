package fr.gasp.command.directory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The GASPs, groups and meetings that exist, for commands that refer to them. Kept by the
 * command side from its own events (see {@link JdbcOrganisationDirectory}); it is not a
 * read model of the query side.
 */
public interface OrganisationDirectory {

    boolean gaspExists(UUID gaspId);

    Optional<KnownGroup> group(UUID groupId);

    /** The groups of a GASP. */
    List<KnownGroup> groupsOf(UUID gaspId);

    Optional<KnownMeeting> meeting(UUID meetingId);
}
