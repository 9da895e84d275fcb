package fr.gasp.platform.problem;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Tells a failure that would go away by itself (the database restarting, unreachable, out of
 * connections, a timeout, a deadlock) from one that would happen again on the same event.
 * A projection parks only the second kind in its dead-letter queue (an event parked because
 * the database blinked would leave its aggregate behind until someone retries it by hand); a
 * request that meets the first kind is answered 503 "try again", not 500.
 */
public final class TransientFailures {

    /**
     * SQLSTATE classes and codes of PostgreSQL (and H2, which uses the same) that say the
     * database, not the statement, is at fault: 08 connection, 53 insufficient resources,
     * 57 operator intervention (shutdown, statement timeout), 58 system error, 40 transaction
     * rollback (serialization failure, deadlock), 55P03 lock not available, HY008 cancelled.
     */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "53", "57", "58", "40");
    private static final Set<String> TRANSIENT_STATES = Set.of("55P03", "HY008");

    /**
     * What HikariCP's stand-in for a connection it has already closed (after the database
     * dropped it) says, with no SQLSTATE: a statement begun on it during an outage.
     */
    private static final String HIKARI_CLOSED_CONNECTION = "Connection is closed";

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable cause = failure; cause != null && seen.put(cause, true) == null; cause = cause.getCause()) {
            if (isTransientItself(cause)) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql.getNextException(); next != null && seen.put(next, true) == null;
                     next = next.getNextException()) {
                    if (isTransientItself(next)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean isTransientItself(Throwable cause) {
        if (cause instanceof TransientDataAccessException
                || cause instanceof RecoverableDataAccessException
                || cause instanceof DataAccessResourceFailureException
                || cause instanceof CannotCreateTransactionException
                || cause instanceof SQLTransientException
                || cause instanceof SQLRecoverableException
                || cause instanceof SQLNonTransientConnectionException
                || cause instanceof IOException
                || cause instanceof TimeoutException) {
            return true;
        }
        if (cause instanceof SQLException sql && sql.getSQLState() == null
                && HIKARI_CLOSED_CONNECTION.equals(sql.getMessage())) {
            return true;
        }
        if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2) {
            String state = sql.getSQLState();
            return TRANSIENT_STATES.contains(state) || TRANSIENT_CLASSES.contains(state.substring(0, 2));
        }
        return false;
    }
}
