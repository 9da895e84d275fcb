package fr.gasp.query.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.gasp.events.proposal.ProposalRaised;
import fr.gasp.platform.testing.TestDatabase;
import fr.gasp.query.common.ReplayedEvent;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The rebuild's reader, on the real PostgreSQL event table: every event up to the head, in order, once. */
class StoredEventReaderTest {

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS))
            .build();

    private Connection connection;

    @BeforeEach
    void store() throws SQLException {
        String url = TestDatabase.create();
        TestDatabase.migrateCommandOwnedTables(url);
        connection = TestDatabase.connect(url);
        connection.setAutoCommit(false);
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void reads_every_event_up_to_the_head_in_order_and_the_positions_left_empty() throws SQLException {
        // Positions 6 and 7 empty (transactions rolled back, or still running), 12 past the head.
        List<Long> stored = List.of(1L, 2L, 3L, 4L, 5L, 8L, 9L, 10L, 11L, 12L);
        for (long position : stored) {
            store(position, "Proposition " + position);
        }

        StoredEventReader reader = new StoredEventReader(serializer, 11);
        List<ReplayedEvent> read = new ArrayList<>();
        reader.readAll(connection, read::add);

        assertThat(read).extracting(ReplayedEvent::globalIndex).containsExactly(1L, 2L, 3L, 4L, 5L, 8L, 9L, 10L, 11L);
        assertThat(read).extracting(event -> ((ProposalRaised) event.payload()).title())
                .containsExactly("Proposition 1", "Proposition 2", "Proposition 3", "Proposition 4",
                        "Proposition 5", "Proposition 8", "Proposition 9", "Proposition 10", "Proposition 11");
        GapAwareTrackingToken position = reader.position();
        assertThat(position.getIndex()).isEqualTo(11);
        assertThat(position.getGaps()).containsExactly(6L, 7L);
    }

    @Test
    void the_store_is_read_along_its_index_without_sorting_it_whatever_the_statistics() throws SQLException {
        for (long position = 1; position <= 50; position++) {
            store(position, "Proposition " + position);
        }
        // Never analysed (as after a bulk load with autovacuum off): PostgreSQL would rather sort.
        new StoredEventReader(serializer, 50).readAll(connection, event -> { });

        StringBuilder plan = new StringBuilder();
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + StoredEventReader.EVENTS_UP_TO)) {
            explain.setLong(1, 50);
            try (ResultSet lines = explain.executeQuery()) {
                while (lines.next()) {
                    plan.append(lines.getString(1)).append('\n');
                }
            }
        }
        assertThat(plan.toString()).contains("Index Scan using domain_event_entry_pkey").doesNotContain("Sort");
    }

    @Test
    void positions_far_apart_are_read_in_order() throws SQLException {
        for (long position : List.of(7L, 5_000_000L, 5_000_001L, 9_000_000_000L)) {
            store(position, "Proposition " + position);
        }
        StoredEventReader reader = new StoredEventReader(serializer, 9_000_000_000L);
        List<ReplayedEvent> read = new ArrayList<>();
        reader.readAll(connection, read::add);

        assertThat(read).extracting(ReplayedEvent::globalIndex).containsExactly(7L, 5_000_000L, 5_000_001L, 9_000_000_000L);
    }

    @Test
    void an_empty_store_reads_nothing() throws SQLException {
        List<ReplayedEvent> read = new ArrayList<>();
        new StoredEventReader(serializer, 0).readAll(connection, read::add);
        assertThat(read).isEmpty();
    }

    private void store(long position, String title) throws SQLException {
        UUID proposal = UUID.randomUUID();
        ProposalRaised raised = new ProposalRaised(proposal, UUID.randomUUID(), UUID.randomUUID(), null, title,
                "Description", List.of("accueil"), LocalDate.of(2024, 5, 2));
        SerializedObject<byte[]> payload = serializer.serialize(raised, byte[].class);
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number,
                    type, time_stamp, payload_type, payload_revision, payload, meta_data)
                VALUES (?, ?, ?, 0, 'Proposal', '2024-05-02T10:15:30Z', ?, NULL, ?, ?)""")) {
            insert.setLong(1, position);
            insert.setString(2, UUID.randomUUID().toString());
            insert.setString(3, proposal.toString());
            insert.setString(4, payload.getType().getName());
            insert.setBytes(5, payload.getData());
            insert.setBytes(6, "{\"actor\":\"secretariat\"}".getBytes());
            insert.executeUpdate();
        }
    }
}
