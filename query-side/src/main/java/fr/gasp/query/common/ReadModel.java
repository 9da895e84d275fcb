package fr.gasp.query.common;

import fr.gasp.platform.axon.ShortWaitsForNewEvents;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * The read models are kept by one tracking processor, in {@link #SEGMENTS} threads. Its
 * position (token, one per segment) is stored in the same transaction as the rows it writes,
 * so a crash can neither apply an event twice nor skip one. An event that fails is never
 * passed over silently (Axon's default would log it and move on): a transient failure is
 * retried, a deterministic one is parked with the later events of its aggregate in the
 * dead-letter queue, to be retried by an admin ({@code fr.gasp.query.deadletter},
 * docs/adr/0009-dead-letter-queue.md).
 *
 * <p>The processor starts at the tail of the store as a plain first reading: Axon's default
 * initial token marks the events already stored as a replay, which a handler that must see
 * every event once would then skip — the query side deployed after the command side, or
 * started on the demo data, would miss them.
 *
 * <p>The audit chain has a processor of its own ({@code fr.gasp.query.audit.AuditProcessor},
 * same settings but one segment, as the chain follows the store's order): the read models can
 * then be rebuilt, and their position moved, without the chain — which records each event's
 * first sight once — being touched.
 */
@Configuration
public class ReadModel {

    public static final String PROCESSING_GROUP = "read-model";

    /**
     * Threads (and segments) of the read-model processor. One thread, alone against the eight
     * request threads of a command load on two cores, got too small a share of them to keep up
     * (issue 6, docs/adr/0021); every write of a projector concerns the event's own aggregate,
     * which Axon keeps in one segment, so segments never race on a row. Changing this number
     * needs the stored positions split or merged (migration V11 split one into two).
     */
    public static final int SEGMENTS = 2;

    @Bean
    public ConfigurerModule readModelProcessor(@Value("${gasp.read-model.batch-size:100}") int batchSize,
                                               @Value("${gasp.events.fetch-delay-ms:20}") long fetchDelayMillis,
                                               ReadModelCommits commits, ProjectionDelay delay) {
        return configurer -> register(configurer.eventProcessing(), PROCESSING_GROUP, batchSize, SEGMENTS,
                Duration.ofMillis(fetchDelayMillis))
                .registerHandlerInterceptor(PROCESSING_GROUP, configuration -> commits.interceptor())
                .registerHandlerInterceptor(PROCESSING_GROUP, configuration -> delay.interceptor());
    }

    /**
     * Axon's JDBC token store (as its Spring Boot starter would make it), storing the
     * read-model processor's position with its batch's rows ({@link TokenWithTheRows}).
     */
    @Bean
    public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenSchema schema,
                                 @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout,
                                 ProjectionWrites writes) {
        return new TokenWithTheRows(JdbcTokenStore.builder().connectionProvider(connectionProvider)
                .claimTimeout(claimTimeout), schema, serializer, ManagementFactory.getRuntimeMXBean().getName(),
                PROCESSING_GROUP, writes);
    }

    /**
     * A tracking processor from the tail, with one thread per segment, whose failures are retried,
     * never skipped, and which looks for new events every {@code fetchDelay} while they come, a
     * few times a second at rest ({@link ShortWaitsForNewEvents}: otherwise a thread on a stream
     * of its own could wait a whole second).
     */
    public static EventProcessingConfigurer register(EventProcessingConfigurer processing, String name,
                                                     int batchSize, int segments, Duration fetchDelay) {
        return processing.registerTrackingEventProcessor(name,
                        configuration -> ShortWaitsForNewEvents.fromTheFetchDelay(configuration.eventStore(),
                                fetchDelay),
                        configuration -> TrackingEventProcessorConfiguration.forParallelProcessing(segments)
                                .andBatchSize(batchSize)
                                .andInitialTrackingToken(StreamableMessageSource::createTailToken))
                .registerListenerInvocationErrorHandler(name, configuration -> PropagatingErrorHandler.instance());
    }
}
