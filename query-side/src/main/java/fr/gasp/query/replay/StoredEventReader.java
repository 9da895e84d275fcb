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
 * Every stored event up to a position, in the store's order, read range of positions after
 * range of positions (Axon's own reader fetches a hundred at a time) and deserialized with
 * the serializer the event processors use. Remembers which recent positions it did not see,
 * to hand the processor a position that still waits for them (a transaction that committed
 * late).
 *
 * <p>Why ranges: asked for the whole store in one query right after a bulk of events, with
 * statistics from before it, PostgreSQL read and sorted the whole table before handing over
 * the first row (2.5 s at a million events, the rebuild's fold and writes idle meanwhile);
 * with a {@code LIMIT} instead, it read the rest of the table again for every chunk. A range
 * of positions bounds each query's work whatever plan the statistics lead to.
 */
final class StoredEventReader {

    /** As far back as Axon's JDBC store keeps waiting for a missing position (its maxGapOffset). */
    static final int GAP_WINDOW = 10_000;

    /** Positions per query: enough that the queries cost nothing beside the rows. */
    static final int CHUNK = 20_000;

    private static final String EVENTS_BETWEEN = """
            SELECT global_index, aggregate_identifier, sequence_number, time_stamp, payload_type, payload_revision,
                payload, meta_data
            FROM domain_event_entry WHERE global_index BETWEEN ? AND ? ORDER BY global_index""";

    /** Where the next range starts: positions need not start at 1, nor follow each other closely. */
    private static final String FIRST_POSITION_AFTER = "SELECT min(global_index) FROM domain_event_entry WHERE global_index > ?";

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
        try (PreparedStatement range = connection.prepareStatement(EVENTS_BETWEEN, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY);
             PreparedStatement next = connection.prepareStatement(FIRST_POSITION_AFTER)) {
            range.setFetchSize(Math.min(chunk, 2_000));
            if (range.isWrapperFor(PGStatement.class)) {
                // Binary transfer from the first execution: payloads arrive as bytes, not as hex text to decode.
                range.unwrap(PGStatement.class).setPrepareThreshold(-1);
            }
            Long from = firstPositionAfter(next, Long.MIN_VALUE);
            while (from != null && from <= head) {
                long to = head - from < chunk ? head : from + chunk - 1;
                range.setLong(1, from);
                range.setLong(2, to);
                try (ResultSet rows = range.executeQuery()) {
                    while (rows.next()) {
                        handler.accept(event(rows.getLong(1), rows));
                    }
                }
                from = to == head ? null : firstPositionAfter(next, to);
            }
        }
    }

    private static Long firstPositionAfter(PreparedStatement next, long position) throws SQLException {
        next.setLong(1, position);
        try (ResultSet row = next.executeQuery()) {
            row.next();
            long first = row.getLong(1);
            return row.wasNull() ? null : first;
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
