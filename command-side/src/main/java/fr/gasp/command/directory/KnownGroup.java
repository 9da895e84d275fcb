package fr.gasp.command.directory;

import fr.gasp.events.organisation.GroupKind;

import java.util.UUID;

/** What the command side needs to know of a group to check a command that names it. */
public record KnownGroup(UUID groupId, UUID gaspId, GroupKind kind) {
}
