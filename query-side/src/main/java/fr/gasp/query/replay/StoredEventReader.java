package fr.gasp.query.replay;

import fr.gasp.query.common.ReplayedEvent;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.serialization.Serializer;
import org.postgresql.PGStatement;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.BitSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Every stored event up to a position, in the store's order, read in chunks of consecutive
 * positions (Axon's own reader fetches a hundred at a time) and deserialized with the
 * serializer the event processors use. Remembers which recent positions it did not see, to
 * hand the processor a position that still waits for them (a transaction that committed late).
 *
 * <p>Why chunks: asked for the whole store in one query right after a bulk of events, with
 * statistics from before it, PostgreSQL read and sorted the whole table before handing over
 * the first row (2.5 s at a million events, the rebuild's fold and writes idle meanwhile). A
 * {@code LIMIT} makes the primary key's index, which hands rows over in order at once, the
 * plan whatever the statistics say.
 */
final class StoredEventReader {

    /** As far back as Axon's JDBC store keeps waiting for a missing position (its maxGapOffset). */
    static final int GAP_WINDOW = 10_000;

    /** Events per query: large enough that the queries cost nothing beside the rows. */
    static final int CHUNK = 20_000;

    private static final String EVENTS_AFTER = """
            SELECT global_index, aggregate_identifier, sequence_number, time_stamp, payload_type, payload_revision,
                payload, meta_data
            FROM domain_event_entry WHERE global_index > ? AND global_index <= ? ORDER BY global_index LIMIT ?""";

    private final StoredEventDecoder decoder;
    private final long head;
    private final BitSet seenNearHead = new BitSet(GAP_WINDOW);

    private final int chunk;

    StoredEventReader(Serializer serializer, long head) {
        this(serializer, head, CHUNK);
    }

    StoredEventReader(Serializer serializer, long head, int chunk) {
        this.decoder = new StoredEventDecoder(serializer);
        this.head = head;
        this.chunk = chunk;
    }

    void readAll(Connection connection, Consumer<ReplayedEvent> handler) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(EVENTS_AFTER, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(Math.min(chunk, 2_000));
            if (statement.isWrapperFor(PGStatement.class)) {
                // Binary transfer from the first execution: payloads arrive as bytes, not as hex text to decode.
                statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
            }
            long after = Long.MIN_VALUE;
            int read;
            do {
                statement.setLong(1, after);
                statement.setLong(2, head);
                statement.setInt(3, chunk);
                read = 0;
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        after = rows.getLong(1);
                        read++;
                        handler.accept(event(after, rows));
                    }
                }
            } while (read == chunk);
        }
    }

    private ReplayedEvent event(long globalIndex, ResultSet rows) throws SQLException {
        if (globalIndex > head - GAP_WINDOW) {
            seenNearHead.set((int) (globalIndex - (head - GAP_WINDOW) - 1));
        }
        byte[] payload = rows.getBytes(7);
        return new ReplayedEvent(globalIndex, rows.getString(2), rows.getLong(3),
                StoredEventDecoder.timestamp(rows.getString(4)),
                decoder.payload(payload, rows.getString(5), rows.getString(6)),
                new String(payload, StandardCharsets.UTF_8), decoder.metaData(rows.getBytes(8)));
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
