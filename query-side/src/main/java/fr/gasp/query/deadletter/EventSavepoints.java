package fr.gasp.query.deadletter;

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
 * A savepoint around each event the read-model processor handles, inside the transaction of
 * its batch, so that a failing event can be undone alone before it is parked:
 * <ul>
 *   <li>the rows its other handlers already wrote are rolled back, so a retry applies the
 *       whole event once, not half of it twice;</li>
 *   <li>on PostgreSQL a failed statement aborts the whole transaction; back at the savepoint
 *       it can go on, record the dead letter and commit the rest of the batch.</li>
 * </ul>
 * Axon's dead-lettering invoker catches the failure itself, so the rollback is asked for by
 * the enqueue policy ({@link ParkOnlyDeterministicFailures}) through {@link #rollBackCurrentEvent()}.
 */
@Component
public class EventSavepoints implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final ThreadLocal<Current> CURRENT = new ThreadLocal<>();

    private final DataSource dataSource;

    public EventSavepoints(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork,
                         InterceptorChain interceptorChain) throws Exception {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return interceptorChain.proceed();
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        Current current = new Current(connection, connection.setSavepoint());
        Current outer = CURRENT.get();
        CURRENT.set(current);
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

    /** Undoes what the event being handled on this thread wrote; nothing when no event is. */
    public void rollBackCurrentEvent() {
        Current current = CURRENT.get();
        if (current == null) {
            return;
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
    }
}
