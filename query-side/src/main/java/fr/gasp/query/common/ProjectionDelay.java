package fr.gasp.query.common;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How old each event is when the read models that show it are committed: from its time stamp
 * (the moment the command side recorded it, just before its transaction committed) to the
 * commit of the read-model processor's batch that applied it. Published as
 * {@code gasp.readmodel.projection.delay} (Prometheus:
 * {@code gasp_readmodel_projection_delay_seconds}, with buckets), the read models' staleness in
 * time where {@code gasp.readmodel.lag.events} gives it in events. Both apps' clocks are
 * compared: on separate hosts, their skew is in the figure. A batch rolled back records
 * nothing; a rebuild, which writes no batch, neither.
 */
@Component
public class ProjectionDelay {

    private static final String STAMPS = ProjectionDelay.class.getName() + ".stamps";
    /** Bucket bounds: the 100 ms goal among them, up to what a catch-up after a restart looks like. */
    private static final List<Duration> BUCKETS = List.of(5, 10, 20, 30, 50, 75, 100, 150, 200, 300, 500, 1_000,
            2_000, 5_000, 10_000, 30_000, 60_000, 300_000).stream().map(Duration::ofMillis).toList();

    private final Timer delay;
    private final Clock clock;

    public ProjectionDelay(MeterRegistry registry, Clock clock) {
        this.clock = clock;
        this.delay = Timer.builder("gasp.readmodel.projection.delay")
                .description("From an event's time stamp to the commit of the read models that apply it")
                .serviceLevelObjectives(BUCKETS.toArray(Duration[]::new))
                .register(registry);
    }

    /** Given to the read-model processor only, as {@link ReadModelCommits#interceptor()} is. */
    public MessageHandlerInterceptor<EventMessage<?>> interceptor() {
        return this::handle;
    }

    private Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        // Every event of a batch shares the root unit of work: their stamps are recorded once it commits.
        List<Instant> stamps = unitOfWork.root().getOrComputeResource(STAMPS, key -> {
            List<Instant> batch = new ArrayList<>();
            unitOfWork.root().afterCommit(committed -> record(batch));
            return batch;
        });
        stamps.add(unitOfWork.getMessage().getTimestamp());
        return interceptorChain.proceed();
    }

    private void record(List<Instant> stamps) {
        Instant committed = clock.instant();
        for (Instant stamp : stamps) {
            Duration age = Duration.between(stamp, committed);
            // A stamp from a clock ahead of this one counts as no delay rather than a negative one.
            delay.record(age.isNegative() ? Duration.ZERO : age);
        }
    }
}
