package fr.gasp.query.deadletter;

import fr.gasp.query.common.ReadModel;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The read-model processor's dead-letter queue (docs/adr/0009-dead-letter-queue.md): an event
 * whose handling fails deterministically is parked in {@code dead_letter_entry} with the
 * events of its aggregate that follow it, and the processor goes on with the other
 * aggregates. Transient failures are not parked ({@link ParkOnlyDeterministicFailures}).
 * The audit chain has a processor of its own and no dead letters: it must see every event
 * in order.
 */
@Configuration
public class DeadLetterQueueConfiguration {

    /** The table, in snake_case like every other (db/query/V7__dead_letters.sql). */
    public static final DeadLetterSchema SCHEMA = DeadLetterSchema.builder()
            .deadLetterTable("dead_letter_entry")
            .deadLetterIdentifierColumn("dead_letter_id")
            .processingGroupColumn("processing_group")
            .sequenceIdentifierColumn("sequence_identifier")
            .sequenceIndexColumn("sequence_index")
            .messageTypeColumn("message_type")
            .eventIdentifierColumn("event_identifier")
            .timestampColumn("time_stamp")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .aggregateTypeColumn("aggregate_type")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .tokenTypeColumn("token_type")
            .tokenColumn("token")
            .enqueuedAtColumn("enqueued_at")
            .lastTouchedColumn("last_touched")
            .processingStartedColumn("processing_started")
            .causeTypeColumn("cause_type")
            .causeMessageColumn("cause_message")
            .diagnosticsColumn("diagnostics")
            .build();

    /**
     * Past Axon's default of 1,024 a full queue refuses the next letter, and the processor
     * then stops and retries rather than losing it: a long-lived aggregate (a GASP, a group)
     * can have many events parked behind one.
     */
    private static final int MAX_SEQUENCES = 10_000;
    private static final int MAX_SEQUENCE_SIZE = 100_000;

    @Bean
    public ConfigurerModule readModelDeadLetters(ConnectionProvider connections, TransactionManager transactions,
                                                 PlatformTransactionManager platformTransactions,
                                                 Serializer serializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 ParkOnlyDeterministicFailures policy, EventSavepoints savepoints) {
        // A retried letter runs in a nested transaction (a savepoint) of the retry's transaction:
        // one that fails again is undone alone, and its new diagnostics are still recorded.
        TransactionManager retryTransactions = new NestedTransactions(platformTransactions);
        return configurer -> configurer.eventProcessing()
                .registerDeadLetterQueue(ReadModel.PROCESSING_GROUP, configuration ->
                        JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                                .processingGroup(ReadModel.PROCESSING_GROUP)
                                .connectionProvider(connections)
                                .transactionManager(transactions)
                                .schema(SCHEMA)
                                .genericSerializer(serializer)
                                .eventSerializer(eventSerializer)
                                .maxSequences(MAX_SEQUENCES)
                                .maxSequenceSize(MAX_SEQUENCE_SIZE)
                                .build())
                .registerDeadLetterPolicy(ReadModel.PROCESSING_GROUP, configuration -> policy)
                .registerDeadLetteringEventHandlerInvokerConfiguration(ReadModel.PROCESSING_GROUP,
                        (configuration, invoker) -> invoker
                                // No look-up of the queue per event while nothing of an aggregate is parked.
                                .enableSequenceIdentifierCache()
                                // A reset of the processor's tokens handles every event again: the
                                // parked ones too, so their letters are dropped rather than applied twice.
                                .allowReset(true)
                                .transactionManager(retryTransactions))
                .registerHandlerInterceptor(ReadModel.PROCESSING_GROUP, configuration -> savepoints.interceptor());
    }
}
