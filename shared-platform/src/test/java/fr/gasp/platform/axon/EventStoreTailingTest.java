package fr.gasp.platform.axon;

import fr.gasp.platform.testing.TestDatabase;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the processors' event store follows new events, on the real PostgreSQL event table: its
 * shared reader reads one batch at a time (a read of a whole bulk kept every event of it in
 * memory, issue 6), and a stream further behind than its small cache reads the store itself
 * and misses nothing.
 */
class EventStoreTailingTest {

    private static final int BATCH = 100;
    private static final int CACHED = 50;

    private JdbcEventStorageEngine storage;
    private EmbeddedEventStore eventStore;
    private PGSimpleDataSource dataSource;

    @BeforeEach
    void storage() {
        String url = TestDatabase.create();
        TestDatabase.migrateCommandOwnedTables(url);
        dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        dataSource.setUser("postgres");
        storage = JdbcEventStorageEngine.builder()
                .connectionProvider(new DataSourceConnectionProvider(dataSource))
                .transactionManager(NoTransactionManager.INSTANCE)
                .schema(new AxonJdbcConfiguration().eventSchema())
                .dataType(byte[].class)
                .eventSerializer(JacksonSerializer.defaultSerializer())
                .snapshotSerializer(JacksonSerializer.defaultSerializer())
                .batchSize(BATCH)
                .build();
    }

    @AfterEach
    void stop() {
        if (eventStore != null) {
            eventStore.shutDown();
        }
    }

    @Test
    void a_read_that_may_block_ends_after_one_batch_and_the_next_goes_on_from_there() {
        storage.appendEvents(events(250));
        OneBatchPerTailingRead reads = new OneBatchPerTailingRead(storage, BATCH);

        List<? extends TrackedEventMessage<?>> first = reads.readEvents(null, true).toList();
        List<? extends TrackedEventMessage<?>> second = reads.readEvents(first.get(first.size() - 1).trackingToken(), true).toList();

        assertThat(first).extracting(EventMessage::getPayload).isEqualTo(payloads(0, 100));
        assertThat(second).extracting(EventMessage::getPayload).isEqualTo(payloads(100, 200));
        assertThat(reads.readEvents(null, false)).hasSize(250);
    }

    @Test
    void the_shared_reader_reads_a_bulk_one_batch_at_a_time_and_delivers_all_of_it_in_order() throws Exception {
        ReadSizes sizes = new ReadSizes(storage);
        eventStore = EmbeddedEventStore.builder()
                .storageEngine(new OneBatchPerTailingRead(sizes, BATCH))
                .fetchDelay(10)
                .build();
        storage.appendEvents(events(3));
        TrackingEventStream stream = eventStore.openStream(null);
        List<Object> seen = new ArrayList<>();
        // The three stored first come from a read of the stream's own; having found nothing
        // more, the stream follows the shared reader.
        while (seen.size() < 3) {
            seen.add(stream.nextAvailable().getPayload());
        }
        assertThat(stream.hasNextAvailable(200, TimeUnit.MILLISECONDS)).isFalse();

        storage.appendEvents(events(3, 1_050));
        seen.addAll(read(stream, 1_047));

        assertThat(seen).isEqualTo(payloads(0, 1_050));
        List<Integer> readSizes = sizes.ofBlockingReads();
        assertThat(readSizes).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(BATCH));
        assertThat(readSizes.stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(1_047);
    }

    @Test
    void a_stream_further_behind_than_the_cache_reads_the_store_and_misses_nothing() throws Exception {
        ReadSizes sizes = new ReadSizes(storage);
        eventStore = new AxonJdbcConfiguration().eventStore(sizes, 10, 50, CACHED);
        storage.appendEvents(events(3));
        TrackingEventStream ahead = eventStore.openStream(null);
        TrackingEventStream behind = eventStore.openStream(null);
        // Each reads what was stored on a stream of its own, finds nothing more, and follows the shared reader.
        for (TrackingEventStream stream : List.of(ahead, behind)) {
            assertThat(read(stream, 3)).isEqualTo(payloads(0, 3));
            assertThat(stream.hasNextAvailable(200, TimeUnit.MILLISECONDS)).isFalse();
        }
        int ownReadsBefore = sizes.ofStreamsOfTheirOwn();

        storage.appendEvents(events(3, 1_000));
        assertThat(read(ahead, 997)).isEqualTo(payloads(3, 1_000));
        // The shared reader has read them all, the cache holds the last 50: the one behind reads the store.
        assertThat(read(behind, 997)).isEqualTo(payloads(3, 1_000));
        assertThat(sizes.ofStreamsOfTheirOwn()).isGreaterThan(ownReadsBefore);

        // Caught up, it goes on with the newest events as the other does.
        storage.appendEvents(events(1_000, 1_010));
        assertThat(read(ahead, 10)).isEqualTo(payloads(1_000, 1_010));
        assertThat(read(behind, 10)).isEqualTo(payloads(1_000, 1_010));
    }

    /**
     * A stream of its own whose position has gaps the shared reader's positions lack (events in
     * flight when it read, as under load) never follows the shared reader again; when no stream
     * follows that reader, it reads nothing and wakes nobody. Axon's stream then misses what is
     * stored while it waits, however long the wait; looking again after each short wait, it sees it.
     */
    @Test
    void a_stream_of_its_own_that_cannot_follow_the_shared_reader_again_sees_new_events_within_a_short_wait()
            throws Exception {
        // The shared reader looks for new events every 30 s, unless events are published through the event store.
        eventStore = EmbeddedEventStore.builder().storageEngine(storage).fetchDelay(30_000).cachedEvents(CACHED).build();
        storage.appendEvents(events(2));
        long hole = consumeOneGlobalIndex();
        storage.appendEvents(events(2, 4));
        long afterFour = storage.createHeadToken().position().orElseThrow();

        // A stream follows the shared reader from there, then leaves: the reader has cached event 4 and stops reading.
        TrackingEventStream follower = eventStore.openStream(GapAwareTrackingToken.newInstance(afterFour, Set.of()));
        assertThat(follower.hasNextAvailable(200, TimeUnit.MILLISECONDS)).isFalse();
        eventStore.publish(events(4, 5));
        assertThat(read(follower, 1)).isEqualTo(payloads(4, 5));
        follower.close();

        // The same position with the hole as a gap: never one of the shared reader's positions.
        TrackingToken withAGap = GapAwareTrackingToken.newInstance(afterFour, Set.of(hole));
        BlockingStream<TrackedEventMessage<?>> shortWaits =
                ShortWaitsForNewEvents.fromTheFetchDelay(eventStore, Duration.ofMillis(20)).openStream(withAGap);
        TrackingEventStream axons = eventStore.openStream(withAGap);
        assertThat(read(shortWaits, 1)).isEqualTo(payloads(4, 5));
        assertThat(read(axons, 1)).isEqualTo(payloads(4, 5));

        storeSoon(events(5, 6));
        long started = System.nanoTime();
        assertThat(shortWaits.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(shortWaits.nextAvailable().getPayload()).isEqualTo("event 5");

        assertThat(read(axons, 1)).isEqualTo(payloads(5, 6));
        storeSoon(events(6, 7));
        assertThat(axons.hasNextAvailable(2, TimeUnit.SECONDS)).as("Axon's stream, waiting 2 s").isFalse();
        assertThat(read(shortWaits, 1)).isEqualTo(payloads(6, 7));
    }

    /** Stores the events in 300 ms, straight into the storage (as another node would), while the test waits. */
    private void storeSoon(List<EventMessage<?>> events) {
        CompletableFuture.runAsync(() -> storage.appendEvents(events),
                CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
    }

    /** A global index taken and never used, as by an insert rolled back. */
    private long consumeOneGlobalIndex() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             ResultSet next = connection.createStatement().executeQuery(
                     "SELECT nextval(pg_get_serial_sequence('domain_event_entry', 'global_index'))")) {
            next.next();
            return next.getLong(1);
        }
    }

    /**
     * The next {@code count} payloads of {@code stream}. Axon's hasNextAvailable may answer false
     * before its timeout (woken for data another consumer's node holds): asked again until the
     * test's own deadline.
     */
    private static List<Object> read(BlockingStream<TrackedEventMessage<?>> stream, int count)
            throws InterruptedException {
        List<Object> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (seen.size() < count && System.nanoTime() < deadline) {
            if (stream.hasNextAvailable(100, TimeUnit.MILLISECONDS)) {
                seen.add(stream.nextAvailable().getPayload());
            }
        }
        return seen;
    }

    private static List<EventMessage<?>> events(int count) {
        return events(0, count);
    }

    /** Events numbered from {@code from} to {@code to} (excluded), each on an aggregate of its own. */
    private static List<EventMessage<?>> events(int from, int to) {
        return IntStream.range(from, to)
                .<EventMessage<?>>mapToObj(number -> new GenericDomainEventMessage<>(
                        "Test", UUID.randomUUID().toString(), 0, "event " + number))
                .toList();
    }

    private static List<Object> payloads(int from, int to) {
        return IntStream.range(from, to).<Object>mapToObj(number -> "event " + number).toList();
    }

    /** The storage, noting how many events each read that may block handed out. */
    private static final class ReadSizes extends DelegatingEventStorage {

        private final Queue<AtomicInteger> blockingReads = new ConcurrentLinkedQueue<>();
        private final AtomicInteger readsThatNeverBlock = new AtomicInteger();

        ReadSizes(EventStorageEngine storage) {
            super(storage);
        }

        /** The events each read that handed any out handed out (the reader polls often and finds nothing). */
        List<Integer> ofBlockingReads() {
            return blockingReads.stream().map(AtomicInteger::get).filter(size -> size > 0).toList();
        }

        /** Reads of a stream of its own (the shared reader's reads may block): a stream that is not following the shared reader. */
        int ofStreamsOfTheirOwn() {
            return readsThatNeverBlock.get();
        }

        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
            Stream<? extends TrackedEventMessage<?>> events = super.readEvents(trackingToken, mayBlock);
            if (!mayBlock) {
                readsThatNeverBlock.incrementAndGet();
                return events;
            }
            AtomicInteger handedOut = new AtomicInteger();
            blockingReads.add(handedOut);
            return events.peek(event -> handedOut.incrementAndGet());
        }
    }
}
