package fr.gasp.system;

import fr.gasp.platform.testing.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What Axon's JDBC store holds for some aggregates, read straight from {@code domain_event_entry}. */
final class EventStoreRows {

    /** One stored event: its place in its aggregate's stream, its type and identifier. */
    record Row(String aggregateId, long sequence, String payloadType, String eventIdentifier) {
    }

    private EventStoreRows() {
    }

    /** Each aggregate's events, oldest first (an aggregate with none is absent). */
    static Map<String, List<Row>> of(String databaseUrl, Collection<String> aggregateIds) throws Exception {
        Map<String, List<Row>> streams = new TreeMap<>();
        try (Connection connection = TestDatabase.connect(databaseUrl);
             PreparedStatement query = connection.prepareStatement("""
                     SELECT aggregate_identifier, sequence_number, payload_type, event_identifier
                     FROM domain_event_entry WHERE aggregate_identifier = ANY (?)
                     ORDER BY aggregate_identifier, sequence_number""")) {
            query.setArray(1, connection.createArrayOf("varchar", aggregateIds.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Row row = new Row(rows.getString(1), rows.getLong(2), rows.getString(3), rows.getString(4));
                    streams.computeIfAbsent(row.aggregateId(), id -> new ArrayList<>()).add(row);
                }
            }
        }
        return streams;
    }

    static long count(String databaseUrl) throws Exception {
        try (Connection connection = TestDatabase.connect(databaseUrl);
             PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM domain_event_entry");
             ResultSet count = query.executeQuery()) {
            count.next();
            return count.getLong(1);
        }
    }
}
