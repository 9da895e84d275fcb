package fr.gasp.query.common;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Tells whoever waits for the read models that they have just moved on: the read-model
 * processor signals each batch it commits, with the aggregates whose events it held. A read
 * waiting for its own write (read-your-writes) then looks again at once, instead of asking the
 * database every few milliseconds — which, with many clients waiting, took the connections and
 * the CPU the processor needed, and made the wait longer still — and only when its own
 * aggregate moved: under load a batch commits every few milliseconds, and each look is a query.
 */
@Component
public class ReadModelCommits {

    private static final String BATCH_AGGREGATES = ReadModelCommits.class.getName() + ".aggregates";

    private final Object monitor = new Object();
    private long commits;
    /** Whole rebuilds: every aggregate moved. */
    private long rebuilds;
    /** The aggregates someone waits for: how many wait, and how many commits held one of their events. */
    private final Map<String, Watched> watched = new HashMap<>();

    private static final class Watched {
        int waiting;
        long commits;
    }

    /**
     * What the read-model processor is given to signal its commits. Not a bean of its own:
     * Axon's Spring Boot starter registers every {@link MessageHandlerInterceptor} bean on every
     * processor, and the audit processor's commits are not the read models moving.
     */
    public MessageHandlerInterceptor<EventMessage<?>> interceptor() {
        return this::handle;
    }

    private Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        // Every event of a batch shares the root unit of work: one signal once it commits.
        Set<String> aggregates = unitOfWork.root().getOrComputeResource(BATCH_AGGREGATES, key -> {
            Set<String> batch = new HashSet<>();
            unitOfWork.root().afterCommit(committed -> moved(batch));
            return batch;
        });
        if (unitOfWork.getMessage() instanceof DomainEventMessage<?> event) {
            aggregates.add(event.getAggregateIdentifier());
        }
        return interceptorChain.proceed();
    }

    /** How many batches (and rebuilds) have been committed here so far. */
    public long count() {
        synchronized (monitor) {
            return commits;
        }
    }

    /**
     * Starts following one aggregate: {@link Watch#stamp()} changes whenever a batch holding one
     * of its events, or a rebuild, commits here. Close it when done.
     */
    public Watch watch(String aggregateId) {
        synchronized (monitor) {
            watched.computeIfAbsent(aggregateId, id -> new Watched()).waiting++;
        }
        return new Watch(aggregateId);
    }

    /** A batch holding events of these aggregates committed. */
    void moved(Collection<String> aggregates) {
        synchronized (monitor) {
            commits++;
            boolean awaited = false;
            for (String aggregate : aggregates) {
                Watched followed = watched.get(aggregate);
                if (followed != null) {
                    followed.commits++;
                    awaited = true;
                }
            }
            if (awaited) {
                monitor.notifyAll();
            }
        }
    }

    /** The read models have all moved on (a whole rebuild committed). */
    public void moved() {
        synchronized (monitor) {
            commits++;
            rebuilds++;
            monitor.notifyAll();
        }
    }

    /** One reader's following of one aggregate. */
    public final class Watch implements AutoCloseable {

        private final String aggregateId;

        private Watch(String aggregateId) {
            this.aggregateId = aggregateId;
        }

        /** Changes when the aggregate's read models may have moved here. */
        public long stamp() {
            synchronized (monitor) {
                return watched.get(aggregateId).commits + rebuilds;
            }
        }

        /** Waits until the stamp is no longer {@code seen}, or for {@code millis} at most. */
        public void awaitChange(long seen, long millis) throws InterruptedException {
            long deadline = System.nanoTime() + millis * 1_000_000;
            synchronized (monitor) {
                long left = millis;
                while (stamp() == seen && left > 0) {
                    monitor.wait(left);
                    left = (deadline - System.nanoTime()) / 1_000_000;
                }
            }
        }

        @Override
        public void close() {
            synchronized (monitor) {
                Watched followed = watched.get(aggregateId);
                if (--followed.waiting == 0) {
                    watched.remove(aggregateId);
                }
            }
        }
    }
}
