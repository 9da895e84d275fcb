package fr.gasp.query.deadletter;

import fr.gasp.query.common.OptimisticBatches;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * Lets a failing event be undone alone, inside the transaction of its batch, before it is
 * parked:
 * <ul>
 *   <li>the rows its other handlers already wrote are rolled back, so a retry applies the
 *       whole event once, not half of it twice;</li>
 *   <li>on PostgreSQL a failed statement aborts the whole transaction; back at the savepoint
 *       it can go on, record the dead letter and commit the rest of the batch.</li>
 * </ul>
 * A savepoint costs two round trips per event, on every event, for a failure that almost
 * never comes. So batches run without them, optimistically; when an event fails, the batch is
 * rolled back ({@link RetryWithSavepoints}) and the processor runs it again, this time with a
 * savepoint around each event, until a batch commits. Axon's dead-lettering invoker catches
 * the failure itself, so the rollback is asked for by the enqueue policy
 * ({@link ParkOnlyDeterministicFailures}) through {@link #rollBackCurrentEvent()}.
 */
@Component
public class EventSavepoints implements OptimisticBatches {

    private static final ThreadLocal<Current> CURRENT = new ThreadLocal<>();

    private final DataSource dataSource;
    /** Savepoints on, from a failed batch until a batch commits with them. */
    private volatile boolean careful;

    public EventSavepoints(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * What the read-model processor is given to run each event. Not a bean of its own: Axon's
     * Spring Boot starter registers every {@link MessageHandlerInterceptor} bean on every
     * processor, and the audit processor has no dead letters (nor should its commits end the
     * read models' careful mode).
     */
    public MessageHandlerInterceptor<EventMessage<?>> interceptor() {
        return this::handle;
    }

    private Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork,
                          InterceptorChain interceptorChain) throws Exception {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return interceptorChain.proceed();
        }
        Current outer = CURRENT.get();
        if (!careful) {
            CURRENT.set(Current.WITHOUT_SAVEPOINT);
            try {
                return interceptorChain.proceed();
            } finally {
                restore(outer);
            }
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        Current current = new Current(connection, connection.setSavepoint());
        CURRENT.set(current);
        unitOfWork.afterCommit(committed -> careful = false);
        try {
            Object result = interceptorChain.proceed();
            connection.releaseSavepoint(current.savepoint());
            return result;
        } finally {
            // On failure the savepoint is left to the transaction's rollback: the connection may be gone.
            restore(outer);
        }
    }

    /** Whether an event is being handled by the processor on this thread (not a dead letter being retried). */
    public boolean handlingEvent() {
        return CURRENT.get() != null;
    }

    @Override
    public boolean optimisticBatchOnThisThread() {
        return CURRENT.get() == Current.WITHOUT_SAVEPOINT;
    }

    @Override
    public boolean batchesRunOptimistically() {
        return !careful;
    }

    @Override
    public RuntimeException runAgainEventByEvent(Throwable cause) {
        careful = true;
        return new RetryWithSavepoints(cause);
    }

    /**
     * Undoes what the event being handled on this thread wrote; nothing when no event is. In an
     * optimistic batch (no savepoint) the whole batch is undone instead: {@link RetryWithSavepoints}.
     */
    public void rollBackCurrentEvent() {
        Current current = CURRENT.get();
        if (current == null) {
            return;
        }
        if (current == Current.WITHOUT_SAVEPOINT) {
            careful = true;
            throw new RetryWithSavepoints();
        }
        try {
            current.connection().rollback(current.savepoint());
        } catch (SQLException e) {
            throw new IllegalStateException("Impossible de revenir au point de sauvegarde de l'événement en échec", e);
        }
    }

    private static void restore(Current outer) {
        if (outer == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(outer);
        }
    }

    private record Current(Connection connection, Savepoint savepoint) {
        static final Current WITHOUT_SAVEPOINT = new Current(null, null);
    }

    /** Whether a processor's error is only its batch being run again with savepoints, to park an event. */
    public static boolean isRetryToPark(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof RetryWithSavepoints) {
                return true;
            }
        }
        return false;
    }

    /** The batch is rolled back and run again, a savepoint around each event, to park the one that fails. */
    static final class RetryWithSavepoints extends RuntimeException {

        RetryWithSavepoints() {
            this(null);
        }

        RetryWithSavepoints(Throwable cause) {
            super("Un événement a échoué : le lot est annulé et sera retraité avec un point de sauvegarde par "
                    + "événement, pour mettre de côté celui qui échoue", cause);
        }
    }
}
