package fr.gasp.query.replay;

import fr.gasp.query.common.ReplayedEvent;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.serialization.Serializer;
import org.postgresql.PGConnection;
import org.postgresql.PGStatement;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.BitSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Every stored event up to a position, in the store's order, read in one streamed query
 * (Axon's own reader fetches a hundred at a time) and deserialized with the serializer the
 * event processors use. Remembers which recent positions it did not see, to hand the
 * processor a position that still waits for them (a transaction that committed late).
 *
 * <p>On PostgreSQL the query is kept to the primary key's index, which hands the rows over in
 * order as it reads them. Left to statistics from before a bulk of events (or none at all,
 * autovacuum being off), PostgreSQL read and sorted the whole table first: 2.5 s at a million
 * events before the first row, the rebuild's fold and writes idle meanwhile. Ranges of
 * positions instead of one query did not help: each range was sorted on its own, on disk.
 */
final class StoredEventReader {

    /** As far back as Axon's JDBC store keeps waiting for a missing position (its maxGapOffset). */
    static final int GAP_WINDOW = 10_000;

    static final String EVENTS_UP_TO = """
            SELECT global_index, aggregate_identifier, sequence_number, time_stamp, payload_type, payload_revision,
                payload, meta_data
            FROM domain_event_entry WHERE global_index <= ? ORDER BY global_index""";

    private final StoredEventDecoder decoder;
    private final long head;
    private final BitSet seenNearHead = new BitSet(GAP_WINDOW);

    StoredEventReader(Serializer serializer, long head) {
        this.decoder = new StoredEventDecoder(serializer);
        this.head = head;
    }

    void readAll(Connection connection, Consumer<ReplayedEvent> handler) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(EVENTS_UP_TO, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(2_000);
            if (statement.isWrapperFor(PGStatement.class)) {
                // Binary transfer from the first execution: payloads arrive as bytes, not as hex text to decode.
                statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
            }
            statement.setLong(1, head);
            keepToTheIndexOrder(connection);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    long globalIndex = rows.getLong(1);
                    if (globalIndex > head - GAP_WINDOW) {
                        seenNearHead.set((int) (globalIndex - (head - GAP_WINDOW) - 1));
                    }
                    byte[] payload = rows.getBytes(7);
                    handler.accept(new ReplayedEvent(globalIndex, rows.getString(2), rows.getLong(3),
                            StoredEventDecoder.timestamp(rows.getString(4)),
                            decoder.payload(payload, rows.getString(5), rows.getString(6)),
                            new String(payload, StandardCharsets.UTF_8), decoder.metaData(rows.getBytes(8))));
                }
            }
        }
    }

    /**
     * No plan that sorts, for the rest of the reader's own transaction: the index scan, the
     * one plan without a sort, is then the plan, whatever the statistics say.
     */
    private static void keepToTheIndexOrder(Connection connection) throws SQLException {
        if (connection.isWrapperFor(PGConnection.class)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL enable_sort = off");
            }
        }
    }

    /**
     * The position the read-model processor takes after the rebuild: the last position read,
     * still waiting for the recent positions that were empty (as its own tokens do).
     */
    GapAwareTrackingToken position() {
        long windowStart = Math.max(1, head - GAP_WINDOW + 1);
        return GapAwareTrackingToken.newInstance(head, LongStream.rangeClosed(windowStart, head)
                .filter(index -> !seenNearHead.get((int) (index - (head - GAP_WINDOW) - 1)))
                .boxed()
                .collect(Collectors.toCollection(java.util.TreeSet::new)));
    }
}
