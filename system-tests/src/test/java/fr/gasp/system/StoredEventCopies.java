package fr.gasp.system;

import fr.gasp.platform.testing.TestDatabase;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Fills the event store fast, for the tests that need more events than HTTP can record in
 * their time (a password check costs every request some 90 ms here): the events of a few
 * proposals recorded through the API are copied under new proposal ids, payload and metadata
 * alike, with new event identifiers. The copies are valid events of the same types, in the
 * same order, which the query side projects as it would the originals.
 */
final class StoredEventCopies {

    private record Template(String aggregateId, long sequence, String type, String timeStamp, String payloadType,
                            String payloadRevision, String payload, String metaData) {
    }

    private StoredEventCopies() {
    }

    /**
     * Appends {@code copies} copies of each template proposal's events, committing every
     * {@code eventsPerCommit} events; answers how many events were added.
     */
    static int append(String databaseUrl, List<String> templateProposals, int copies, int eventsPerCommit)
            throws Exception {
        try (Connection connection = TestDatabase.connect(databaseUrl)) {
            List<Template> templates = templates(connection, templateProposals);
            connection.setAutoCommit(false);
            int added = 0;
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                        time_stamp, payload_type, payload_revision, payload, meta_data)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (int copy = 0; copy < copies; copy++) {
                    String previous = null;
                    String newId = null;
                    for (Template event : templates) {
                        if (!event.aggregateId().equals(previous)) {
                            previous = event.aggregateId();
                            newId = UUID.randomUUID().toString();
                        }
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setString(2, newId);
                        insert.setLong(3, event.sequence());
                        insert.setString(4, event.type());
                        insert.setString(5, event.timeStamp());
                        insert.setString(6, event.payloadType());
                        insert.setString(7, event.payloadRevision());
                        insert.setBytes(8, event.payload().replace(event.aggregateId(), newId)
                                .getBytes(StandardCharsets.UTF_8));
                        insert.setBytes(9, event.metaData() == null ? null : event.metaData()
                                .replace(event.aggregateId(), newId).getBytes(StandardCharsets.UTF_8));
                        insert.addBatch();
                        if (++added % eventsPerCommit == 0) {
                            insert.executeBatch();
                            connection.commit();
                        }
                    }
                }
                insert.executeBatch();
                connection.commit();
            }
            return added;
        }
    }

    private static List<Template> templates(Connection connection, List<String> proposals) throws Exception {
        List<Template> templates = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision,
                       payload, meta_data
                FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number""")) {
            for (String proposal : proposals) {
                query.setString(1, proposal);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        byte[] metaData = rows.getBytes(8);
                        templates.add(new Template(rows.getString(1), rows.getLong(2), rows.getString(3),
                                rows.getString(4), rows.getString(5), rows.getString(6),
                                new String(rows.getBytes(7), StandardCharsets.UTF_8),
                                metaData == null ? null : new String(metaData, StandardCharsets.UTF_8)));
                    }
                }
            }
        }
        if (templates.isEmpty()) {
            throw new IllegalStateException("no stored event for the template proposals " + proposals);
        }
        return templates;
    }
}
