package fr.gasp.query.common;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Tells whoever waits for the read models that they have just moved on: the read-model
 * processor signals each batch it commits. A read waiting for its own write (read-your-writes)
 * then looks again at once, instead of asking the database every few milliseconds — which,
 * with many clients waiting, took the connections and the CPU the processor needed, and made
 * the wait longer still.
 */
@Component
public class ReadModelCommits {

    private static final String SIGNAL_REGISTERED = ReadModelCommits.class.getName() + ".registered";

    private final Object monitor = new Object();
    private long commits;

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
        // Once per batch: every event of it shares the unit of work.
        if (unitOfWork.root().resources().putIfAbsent(SIGNAL_REGISTERED, Boolean.TRUE) == null) {
            unitOfWork.root().afterCommit(committed -> moved());
        }
        return interceptorChain.proceed();
    }

    /** How many batches have been committed so far: what {@link #awaitNext} waits to see change. */
    public long count() {
        synchronized (monitor) {
            return commits;
        }
    }

    /** Waits until a batch is committed after {@code seen}, or for {@code millis} at most. */
    public void awaitNext(long seen, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        synchronized (monitor) {
            long left = millis;
            while (commits == seen && left > 0) {
                monitor.wait(left);
                left = (deadline - System.nanoTime()) / 1_000_000;
            }
        }
    }

    /** The read models have moved on (a batch, or a whole rebuild, committed). */
    public void moved() {
        synchronized (monitor) {
            commits++;
            monitor.notifyAll();
        }
    }
}
