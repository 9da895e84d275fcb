package fr.gasp.query.operations;

import fr.gasp.query.audit.AuditProcessor;
import fr.gasp.query.common.ReadModel;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import fr.gasp.query.common.StoredTokens;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How far a processor is behind the event store, in events: the head of the store (its
 * highest global index) minus the position its committed tokens give. Published for the read models as
 * {@code gasp.readmodel.lag.events} and for the audit chain as {@code gasp.audit.lag.events}
 * (Prometheus: {@code gasp_readmodel_lag_events}, {@code gasp_audit_lag_events}), since Axon's
 * own metrics module does not resolve here.
 */
@Component
public class ProcessorLag {

    private final JdbcClient jdbc;
    private final StoredTokens stored;

    public ProcessorLag(JdbcClient jdbc, StoredTokens stored, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.stored = stored;
        gauge(registry, "gasp.readmodel.lag.events", ReadModel.PROCESSING_GROUP, "the read models");
        gauge(registry, "gasp.audit.lag.events", AuditProcessor.PROCESSING_GROUP, "the audit chain");
    }

    private void gauge(MeterRegistry registry, String name, String processingGroup, String what) {
        Gauge.builder(name, this, lag -> lag.events(processingGroup).orElse(-1))
                .description("Events stored but not yet in " + what + " (-1: position unknown)")
                .register(registry);
    }

    /**
     * From the processor's committed tokens (running here, on another node, or stopped); empty
     * before it first ran. A segment without a token has read nothing yet.
     */
    public OptionalLong events(String processingGroup) {
        List<Optional<TrackingToken>> tokens = stored.of(processingGroup);
        if (tokens.isEmpty()) {
            return OptionalLong.empty();
        }
        long head = jdbc.sql("SELECT coalesce(max(global_index), 0) FROM domain_event_entry").query(Long.class).single();
        long position = tokens.stream()
                .mapToLong(token -> token.flatMap(found -> boxed(found.position())).orElse(0L))
                .min().orElse(0);
        return OptionalLong.of(Math.max(0, head - position));
    }

    private static Optional<Long> boxed(OptionalLong position) {
        return position.isPresent() ? Optional.of(position.getAsLong()) : Optional.empty();
    }
}
