package fr.gasp.query.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the command side's event store rows as they are stored (read only: the store is not ours). */
@Repository
class StoredEvents {

    private static final int IDENTIFIERS_PER_QUERY = 1000;

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

    /** The rows of these events, by identifier, in one query per thousand identifiers. */
    Map<String, StoredEvent> byIdentifiers(List<String> eventIdentifiers) {
        Map<String, StoredEvent> rows = new HashMap<>();
        for (int from = 0; from < eventIdentifiers.size(); from += IDENTIFIERS_PER_QUERY) {
            jdbc.sql("SELECT " + StoredEvent.columns("") + " FROM domain_event_entry WHERE event_identifier IN (:ids)")
                    .param("ids", eventIdentifiers.subList(from,
                            Math.min(eventIdentifiers.size(), from + IDENTIFIERS_PER_QUERY)))
                    .query((row, number) -> StoredEvent.read(row))
                    .list()
                    .forEach(stored -> rows.put(stored.eventIdentifier(), stored));
        }
        return rows;
    }
}
