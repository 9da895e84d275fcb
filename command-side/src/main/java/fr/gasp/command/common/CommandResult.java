package fr.gasp.command.common;

import java.util.UUID;

/** What a command answers: the aggregate and its new version (the sequence number of its last event). */
public record CommandResult(UUID id, long version) {
}
