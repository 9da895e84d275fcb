package fr.gasp.command.snapshot;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Snapshots of the long-lived aggregates (GASP, group, meeting, proposal; each names
 * {@link #TRIGGER} in its {@code @Aggregate}), so loading one reads its latest snapshot and
 * the few events after it rather than its whole history. ADR 0008.
 *
 * <p>A snapshot is taken once an aggregate was loaded with more than
 * {@code gasp.snapshots.every-events} events (50 by default) since its last one, on a thread of
 * its own, after the request's transaction has ended: it then reads only committed events, in
 * its own transaction, so a snapshot never holds anything a refused request did, and a
 * snapshot that fails (another one got there first) costs the request nothing.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class SnapshotConfiguration implements DisposableBean {

    /** The bean name the aggregates give as their {@code snapshotTriggerDefinition}. */
    public static final String TRIGGER = "aggregateSnapshotTrigger";

    /** One thread: snapshots are rare, and each is deduplicated per aggregate by Axon. */
    private final ExecutorService snapshotThread = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "aggregate-snapshots");
        thread.setDaemon(true);
        return thread;
    });

    @Bean(TRIGGER)
    public SnapshotTriggerDefinition aggregateSnapshotTrigger(SpringAggregateSnapshotter snapshotter,
                                                              @Value("${gasp.snapshots.every-events:50}") int threshold) {
        if (threshold < 1) {
            throw new IllegalStateException("gasp.snapshots.every-events must be at least 1, not " + threshold);
        }
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /** Axon's snapshotter as Spring Boot would build it, but run after the request, off its thread. */
    @Bean
    public SpringAggregateSnapshotter aggregateSnapshotter(Configuration configuration,
                                                           HandlerDefinition handlerDefinition,
                                                           ParameterResolverFactory parameterResolverFactory,
                                                           EventStore eventStore,
                                                           TransactionManager transactionManager,
                                                           SnapshotterSpanFactory spanFactory) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(this::afterTheRequest)
                .build();
    }

    /**
     * Axon asks for a snapshot when its own unit of work commits, which is inside the request's
     * transaction (ADR 0006): wait for that one to end, committed or not. The task always runs,
     * because Axon only forgets an aggregate's snapshot "in progress" when its task has run.
     */
    private void afterTheRequest(Runnable snapshot) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    snapshotThread.execute(snapshot);
                }
            });
        } else {
            snapshotThread.execute(snapshot);
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        snapshotThread.shutdown();
        snapshotThread.awaitTermination(10, TimeUnit.SECONDS);
    }
}
