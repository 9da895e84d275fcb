package fr.gasp.query.operations;

import fr.gasp.query.common.ReadModel;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.OptionalLong;

/**
 * How far the read models are behind the event store, in events: the head of the store
 * (its highest global index) minus the read-model processor's position. Published as the
 * gauge {@code gasp.readmodel.lag.events} (Prometheus: {@code gasp_readmodel_lag_events}),
 * since Axon's own metrics module does not resolve here.
 */
@Component
public class ReadModelLag {

    private final JdbcClient jdbc;
    private final EventProcessingConfiguration processors;

    public ReadModelLag(JdbcClient jdbc, EventProcessingConfiguration processors, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.processors = processors;
        Gauge.builder("gasp.readmodel.lag.events", this, lag -> lag.events().orElse(-1))
                .description("Events stored but not yet in the read models (-1: position unknown)")
                .register(registry);
    }

    /** Empty while the processor has not claimed its position yet. */
    public OptionalLong events() {
        long head = jdbc.sql("SELECT coalesce(max(global_index), 0) FROM domain_event_entry").query(Long.class).single();
        return processors.eventProcessor(ReadModel.PROCESSING_GROUP, TrackingEventProcessor.class)
                .map(processor -> processor.processingStatus().values().stream()
                        .map(EventTrackerStatus::getCurrentPosition)
                        .filter(OptionalLong::isPresent)
                        .mapToLong(OptionalLong::getAsLong)
                        .min())
                .filter(OptionalLong::isPresent)
                .map(position -> OptionalLong.of(Math.max(0, head - position.getAsLong())))
                .orElse(OptionalLong.empty());
    }
}
