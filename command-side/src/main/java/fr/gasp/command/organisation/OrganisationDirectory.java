package fr.gasp.command.organisation;

import java.util.Optional;
import java.util.UUID;

/**
 * The GASPs and groups that exist, for commands that refer to them. Kept by the command side
 * from its own events (see {@link JdbcOrganisationDirectory}); it is not a read model of the
 * query side.
 */
public interface OrganisationDirectory {

    boolean gaspExists(UUID gaspId);

    Optional<KnownGroup> group(UUID groupId);
}
