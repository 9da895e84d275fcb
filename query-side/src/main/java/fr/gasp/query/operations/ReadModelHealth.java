package fr.gasp.query.operations;

import fr.gasp.query.common.ReadModel;
import fr.gasp.query.deadletter.EventSavepoints;
import fr.gasp.query.replay.ReadModelRebuild;
import fr.gasp.query.replay.ReplayProgress;
import fr.gasp.query.deadletter.DeadLetters;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The read models in {@code /actuator/health} (component {@code readModel}: the bean name less
 * its suffix): UP while their processor runs; DOWN while it is in error (it retries: the
 * database is unreachable, or a batch keeps failing for a passing cause); OUT_OF_SERVICE when
 * it is not running at all, unless a rebuild paused it (UP then: the old rows keep serving
 * until the rebuild commits). The details (shown to ADMIN) say how far behind the event store
 * it is and how many events are parked in its dead-letter queue: parked events leave the
 * status UP, since every other aggregate is kept up to date, but are counted here and in
 * {@code gasp_readmodel_dead_letters}.
 */
@Component("readModelHealthIndicator")
public class ReadModelHealth implements HealthIndicator {

    private final EventProcessingConfiguration processing;
    private final ProcessorLag lag;
    private final DeadLetters deadLetters;
    private final ReadModelRebuild rebuilds;

    public ReadModelHealth(EventProcessingConfiguration processing, ProcessorLag lag, DeadLetters deadLetters,
                           ReadModelRebuild rebuilds) {
        this.processing = processing;
        this.lag = lag;
        this.deadLetters = deadLetters;
        this.rebuilds = rebuilds;
    }

    @Override
    public Health health() {
        Optional<StreamingEventProcessor> found =
                processing.eventProcessor(ReadModel.PROCESSING_GROUP, StreamingEventProcessor.class);
        if (found.isEmpty()) {
            return Health.down().withDetail("processor", "absent").build();
        }
        StreamingEventProcessor processor = found.get();
        Optional<Throwable> error = ProcessorHealth.error(processor);
        if (error.isPresent() && !EventSavepoints.isRetryToPark(error.get())) {
            return ProcessorHealth.inError(error.get());
        }
        ReplayProgress rebuild = rebuilds.progress();
        Health.Builder health = processor.isRunning() ? Health.up().withDetail("processor", "running")
                // Paused by a rebuild, the old rows still serve: up, and saying so.
                : rebuild.state() == ReplayProgress.State.RUNNING ? Health.up().withDetail("processor", "paused")
                        .withDetail("rebuildPercent", Math.round(rebuild.percent()))
                : Health.outOfService().withDetail("processor", "stopped");
        // Fewer claimed than there are: the others are another node's (or, for a while, released).
        health.withDetail("segments", ReadModel.SEGMENTS);
        health.withDetail("segmentsClaimed", processor.processingStatus().size());
        try {
            OptionalLong behind = lag.events(ReadModel.PROCESSING_GROUP);
            health.withDetail("lagEvents", behind.isPresent() ? behind.getAsLong() : -1);
            health.withDetail("deadLetters", deadLetters.count());
        } catch (RuntimeException e) {
            return Health.down(e).withDetail("processor", processor.isRunning() ? "running" : "stopped").build();
        }
        return health.build();
    }
}
