package fr.gasp.platform.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Axon's JDBC event store as both apps use it: snake_case tables owned by Flyway, a
 * duplicate (aggregate, sequence) reported as a concurrency conflict, and an event store
 * that polls often so the query side sees a new event within tens of milliseconds
 * (Axon's default is about a second, and no property changes it). Snapshots of aggregates are
 * written and read as {@link AggregateSnapshots} says.
 */
@AutoConfiguration(beforeName = {
        "org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
        "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration"})
public class AxonJdbcConfiguration {

    /** Events read per query when loading an aggregate (Axon's default). */
    private static final int AGGREGATE_BATCH = 100;
    /** Events the event store's shared reader of new events reads in one go: one batch of the storage. */
    private static final int TAILING_BATCH = AGGREGATE_BATCH;

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    public EventStorageEngine eventStorageEngine(ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 EventSchema eventSchema,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 ObjectMapper json,
                                                 RevisionResolver revisions,
                                                 ObjectProvider<EventUpcaster> upcasters) {
        PersistenceExceptionResolver duplicateKeyIsConflict = new UniqueViolationResolver();
        Serializer snapshots = AggregateSnapshots.serializer(json, revisions);
        return JdbcEventStorageEngine.builder()
                .batchSize(AGGREGATE_BATCH)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .dataType(byte[].class)
                .snapshotSerializer(snapshots)
                .snapshotFilter(AggregateSnapshots.usable(snapshots, revisions))
                .eventSerializer(eventSerializer)
                .upcasterChain(new EventUpcasterChain(upcasters.orderedStream().toList()))
                .persistenceExceptionResolver(duplicateKeyIsConflict)
                // An aggregate's sequence numbers have no gaps and a batch is a range of them: a
                // short batch is the last one. Axon's JDBC default asks again until a batch comes
                // back empty, one more query for every command on an existing aggregate.
                .finalAggregateBatchPredicate(batch -> batch.size() < AGGREGATE_BATCH)
                .build();
    }

    /**
     * The event store the processors read from. Axon shares one reader of the newest events
     * between the processors close to the head, caching the last events it read
     * ({@code gasp.events.cached}, 500 here where Axon keeps 10,000: docs/adr/0023). A processor
     * further behind than the cache reads the store on a stream of its own until it has caught
     * up, then follows the shared reader again: nothing is skipped, it costs only queries. Two
     * things kept far more than the cache in memory after a bulk of events, and ran the query side
     * out of its heap in issue 6's benchmark: the reader read the whole bulk in one go, keeping
     * every event of it until the end ({@link OneBatchPerTailingRead} stops each read after a
     * batch); and a processor fallen behind the cache keeps what was read since its position
     * until Axon's clean-up gives it a stream of its own, every 10 s by default, here every
     * 500 ms.
     */
    @Bean(destroyMethod = "shutDown")
    public EmbeddedEventStore eventStore(EventStorageEngine eventStorageEngine,
                                         @Value("${gasp.events.fetch-delay-ms:20}") long fetchDelayMillis,
                                         @Value("${gasp.events.lagging-check-ms:500}") long laggingCheckMillis,
                                         @Value("${gasp.events.cached:500}") int cachedEvents) {
        return EmbeddedEventStore.builder()
                .storageEngine(new OneBatchPerTailingRead(eventStorageEngine, TAILING_BATCH))
                .cachedEvents(cachedEvents)
                .fetchDelay(fetchDelayMillis)
                .cleanupDelay(laggingCheckMillis)
                .build();
    }
}
