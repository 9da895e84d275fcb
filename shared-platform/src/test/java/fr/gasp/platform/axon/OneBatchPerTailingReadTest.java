package fr.gasp.platform.axon;

import fr.gasp.platform.testing.TestDatabase;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessage;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event store's shared reader of new events reads one batch at a time, on the real
 * PostgreSQL event table: a read of a whole bulk kept every event of it in memory (issue 6).
 */
class OneBatchPerTailingReadTest {

    private static final int BATCH = 100;

    private JdbcEventStorageEngine storage;
    private EmbeddedEventStore eventStore;

    @BeforeEach
    void storage() {
        String url = TestDatabase.create();
        TestDatabase.migrateCommandOwnedTables(url);
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
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
        // Axon's hasNextAvailable may answer false before its timeout (woken for data another
        // consumer's node holds): asked again until the test's own deadline.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (seen.size() < 1_050 && System.nanoTime() < deadline) {
            if (stream.hasNextAvailable(100, TimeUnit.MILLISECONDS)) {
                seen.add(stream.nextAvailable().getPayload());
            }
        }

        assertThat(seen).isEqualTo(payloads(0, 1_050));
        List<Integer> readSizes = sizes.ofBlockingReads();
        assertThat(readSizes).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(BATCH));
        assertThat(readSizes.stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(1_047);
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

        ReadSizes(EventStorageEngine storage) {
            super(storage);
        }

        /** The events each read that handed any out handed out (the reader polls often and finds nothing). */
        List<Integer> ofBlockingReads() {
            return blockingReads.stream().map(AtomicInteger::get).filter(size -> size > 0).toList();
        }

        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
            Stream<? extends TrackedEventMessage<?>> events = super.readEvents(trackingToken, mayBlock);
            if (!mayBlock) {
                return events;
            }
            AtomicInteger handedOut = new AtomicInteger();
            blockingReads.add(handedOut);
            return events.peek(event -> handedOut.incrementAndGet());
        }
    }
}
