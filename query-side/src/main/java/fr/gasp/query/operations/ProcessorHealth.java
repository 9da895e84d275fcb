package fr.gasp.query.operations;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.Health;

import java.util.Optional;

/** What the health indicators of the query side's processors say alike. */
final class ProcessorHealth {

    private ProcessorHealth() {
    }

    /** The first error a segment of the processor is in, if any. */
    static Optional<Throwable> error(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream().filter(EventTrackerStatus::isErrorState)
                .map(EventTrackerStatus::getError).findFirst();
    }

    /**
     * DOWN with the error. Not asking the database for the details: it is most likely why
     * the processor is in error.
     */
    static Health inError(Throwable cause) {
        return Health.down()
                .withDetail("processor", "error")
                .withDetail("error", cause == null ? "inconnue" : cause.getClass().getName() + ": " + cause.getMessage())
                .build();
    }
}
