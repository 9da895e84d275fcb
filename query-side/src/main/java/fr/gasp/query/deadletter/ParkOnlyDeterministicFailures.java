package fr.gasp.query.deadletter;

import fr.gasp.platform.problem.TransientFailures;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What becomes of an event whose read-model handling failed.
 * <ul>
 *   <li>A transient failure (see {@link TransientFailures}) of an event being processed is
 *       thrown on: Axon's dead-lettering invoker then lets it out, the batch's transaction rolls
 *       back, and the tracking processor retries from its last position, as it always did.</li>
 *   <li>Any other failure is deterministic: the event's own writes are rolled back to its
 *       savepoint and it is parked, with the number of attempts in its diagnostics. The events
 *       of its aggregate that follow are parked behind it by Axon, in order.</li>
 *   <li>A parked event retried by hand that fails again stays parked, whatever the cause.</li>
 * </ul>
 */
@Component
public class ParkOnlyDeterministicFailures implements EnqueuePolicy<EventMessage<?>> {

    /** The diagnostics entry counting the failed attempts at handling a parked event. */
    public static final String ATTEMPTS = "attempts";

    private static final Logger log = LoggerFactory.getLogger(ParkOnlyDeterministicFailures.class);

    private final EventSavepoints savepoints;

    public ParkOnlyDeterministicFailures(EventSavepoints savepoints) {
        this.savepoints = savepoints;
    }

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (savepoints.handlingEvent()) {
            if (TransientFailures.isTransient(cause)) {
                throw new TransientReadModelFailure(letter.message(), cause);
            }
            savepoints.rollBackCurrentEvent();
            log.warn("Event {} ({}) parked in the read model's dead-letter queue; the later events of its aggregate "
                            + "will be parked behind it until it is retried (GET/POST /api/admin/dead-letters)",
                    letter.message().getIdentifier(), letter.message().getPayloadType().getSimpleName(), cause);
        }
        return Decisions.<EventMessage<?>>enqueue(ThrowableCause.truncated(cause), ParkOnlyDeterministicFailures::oneMoreAttempt);
    }

    private static MetaData oneMoreAttempt(DeadLetter<?> letter) {
        Object attempts = letter.diagnostics().get(ATTEMPTS);
        long previous = attempts instanceof Number number ? number.longValue() : 0;
        return letter.diagnostics().and(ATTEMPTS, previous + 1);
    }

    /** A transient failure, let out of the dead-lettering invoker so that the processor retries the batch. */
    static final class TransientReadModelFailure extends RuntimeException {

        TransientReadModelFailure(EventMessage<?> event, Throwable cause) {
            super("Échec passager pendant le traitement de l'événement " + event.getIdentifier()
                    + " : il sera retraité, pas mis de côté", cause);
        }
    }
}
