package fr.gasp.query.operations;

import fr.gasp.query.audit.AuditProcessor;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The audit chain in {@code /actuator/health} (component {@code audit}): UP while its
 * processor runs, DOWN while it is in error, OUT_OF_SERVICE when it is not running. It has no
 * dead-letter queue (an event is never left out of the chain): a batch that keeps failing
 * stops the chain until the cause is dealt with, and only this says so. The details (shown to
 * ADMIN) say how far behind the event store it is.
 */
@Component("auditHealthIndicator")
public class AuditHealth implements HealthIndicator {

    private final EventProcessingConfiguration processing;
    private final ProcessorLag lag;

    public AuditHealth(EventProcessingConfiguration processing, ProcessorLag lag) {
        this.processing = processing;
        this.lag = lag;
    }

    @Override
    public Health health() {
        Optional<StreamingEventProcessor> found =
                processing.eventProcessor(AuditProcessor.PROCESSING_GROUP, StreamingEventProcessor.class);
        if (found.isEmpty()) {
            return Health.down().withDetail("processor", "absent").build();
        }
        StreamingEventProcessor processor = found.get();
        Optional<Throwable> error = ProcessorHealth.error(processor);
        if (error.isPresent()) {
            return ProcessorHealth.inError(error.get());
        }
        Health.Builder health = processor.isRunning() ? Health.up().withDetail("processor", "running")
                : Health.outOfService().withDetail("processor", "stopped");
        try {
            OptionalLong behind = lag.events(AuditProcessor.PROCESSING_GROUP);
            health.withDetail("lagEvents", behind.isPresent() ? behind.getAsLong() : -1);
        } catch (RuntimeException e) {
            return Health.down(e).withDetail("processor", processor.isRunning() ? "running" : "stopped").build();
        }
        return health.build();
    }
}
