package fr.gasp.query.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/** Reads the command side's event store rows as they are stored (read only: the store is not ours). */
@Repository
class StoredEvents {

    private final JdbcClient jdbc;

    StoredEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredEvent> byIdentifier(String eventIdentifier) {
        return jdbc.sql("SELECT " + StoredEvent.columns("") + " FROM domain_event_entry WHERE event_identifier = ?")
                .param(eventIdentifier)
                .query((row, number) -> StoredEvent.read(row))
                .optional();
    }
}
