package fr.gasp.query.common;

import fr.gasp.platform.problem.TransientFailures;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The statements the projectors write the read models with. Inside a batch of the read-model
 * processor that runs optimistically (no savepoint per event, see
 * {@code fr.gasp.query.deadletter.EventSavepoints}), on PostgreSQL, they are queued and sent
 * when the batch commits, many in one round trip (the driver sends the statements of one
 * multi-statement call together and waits once): a few round trips per batch instead of
 * several per event, each of which waited for PostgreSQL to be scheduled on a busy machine.
 * The statements still run one after the other, in the order the handlers issued them and
 * in the batch's transaction, so a statement reading what an earlier event wrote (the report
 * facts follow the proposal's previous step) sees it. Each is sent as the {@code EXECUTE} of
 * a statement prepared once per connection ({@link PreparedCalls}), so that PostgreSQL does not
 * plan it again for every event.
 *
 * <p>Anywhere else they run at once: on H2, outside the processor (a dead letter retried), and
 * in a batch run again event by event after a failure. When a queued statement fails, or a
 * row count is not what its handler expected, the batch fails as a whole, which puts the
 * processor in that careful mode: the batch is run again with a savepoint per event and the
 * statements executed in their handler, so that the event at fault is the one parked.
 */
@Component
public class ProjectionWrites {

    private static final String QUEUE = ProjectionWrites.class.getName() + ".queue";
    /** Statements per round trip: large enough for a batch of events, small enough for the driver's buffers. */
    private static final int STATEMENTS_PER_ROUND_TRIP = 250;
    /** Characters of a typical statement call, to size a batch's text once instead of growing it. */
    private static final int CALL_SIZE_GUESS = 256;

    private static final SQLExceptionTranslator SQL_ERRORS = new SQLStateSQLExceptionTranslator();

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final OptimisticBatches batches;
    private final PreparedCalls preparedCalls = new PreparedCalls();
    /** Known from the first statement on: the database may not be up yet when the application starts. */
    private volatile Boolean multiStatements;

    public ProjectionWrites(JdbcClient jdbc, DataSource dataSource, OptimisticBatches batches) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.batches = batches;
    }

    /** Runs a statement, now or with the rest of the batch. */
    public void execute(String sql, List<?> parameters) {
        execute(sql, parameters, null);
    }

    /** Runs a statement, now or with the rest of the batch. */
    public void execute(String sql, Object... parameters) {
        execute(sql, Arrays.asList(parameters), null);
    }

    /**
     * Runs a statement that must change exactly one row; otherwise the event is at fault:
     * {@code problem} says why.
     */
    public void executeOnOneRow(String sql, List<?> parameters, String problem) {
        execute(sql, parameters, rows -> {
            if (rows != 1) {
                throw new IllegalStateException(problem);
            }
        });
    }

    /**
     * Queues a statement with the writes of the read-model processor's batch begun on this
     * thread when that batch's writes are queued (run optimistically, on PostgreSQL), even
     * before its first event is handled; does nothing and answers false otherwise.
     */
    boolean queueWithTheBatch(String sql, List<?> parameters, IntConsumer rowCountCheck) {
        UnitOfWork<?> batch = processorBatch();
        if (batch == null || !batches.batchesRunOptimistically() || !multiStatements()) {
            return false;
        }
        queueOf(batch).add(new Statement(sql, new ArrayList<>(parameters), rowCountCheck));
        return true;
    }

    private void execute(String sql, List<?> parameters, IntConsumer rowCountCheck) {
        UnitOfWork<?> batch = processorBatch();
        if (batch != null && batches.optimisticBatchOnThisThread() && multiStatements()) {
            queueOf(batch).add(new Statement(sql, new ArrayList<>(parameters), rowCountCheck));
            return;
        }
        int rows = jdbc.sql(sql).params(parameters).update();
        if (rowCountCheck != null) {
            rowCountCheck.accept(rows);
        }
    }

    /**
     * The unit of work of the processor's batch being handled on this thread, if any: a dead
     * letter retried runs in a unit of work nested in another, whose writes must be done, or
     * undone, with it alone.
     */
    private static UnitOfWork<?> processorBatch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> current = CurrentUnitOfWork.get();
        return current.isRoot() && current instanceof BatchingUnitOfWork ? current : null;
    }

    private List<Statement> queueOf(UnitOfWork<?> batch) {
        return batch.getOrComputeResource(QUEUE, key -> {
            List<Statement> queue = new ArrayList<>();
            batch.onPrepareCommit(committing -> send(queue));
            return queue;
        });
    }

    private void send(List<Statement> queue) {
        // The batch's transaction's connection: the statements are part of it.
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            for (int from = 0; from < queue.size(); from += STATEMENTS_PER_ROUND_TRIP) {
                send(connection, queue.subList(from, Math.min(queue.size(), from + STATEMENTS_PER_ROUND_TRIP)));
            }
        } catch (SQLException failed) {
            RuntimeException translated = SQL_ERRORS.translate("read-model batch", null, failed);
            throw failedBatch(translated != null ? translated : new IllegalStateException(failed));
        } catch (RuntimeException failed) {
            throw failedBatch(failed);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * A transient failure (the database away, a timeout) fails the batch as it is, to be
     * retried as it was; any other sends it back event by event, to find the one at fault.
     */
    private RuntimeException failedBatch(RuntimeException failure) {
        return TransientFailures.isTransient(failure) ? failure : batches.runAgainEventByEvent(failure);
    }

    /**
     * The statements in order, in as few round trips as they allow: those prepared on this
     * connection as {@code EXECUTE} calls ({@link PreparedCalls}), any other run of them as
     * one multi-statement call with bound parameters.
     */
    private void send(Connection connection, List<Statement> statements) throws SQLException {
        boolean[] prepared = new boolean[statements.size()];
        for (int i = 0; i < statements.size(); i++) {
            prepared[i] = preparedCalls.ready(connection, statements.get(i).sql(), statements.get(i).parameters());
        }
        int from = 0;
        while (from < statements.size()) {
            int to = from + 1;
            while (to < statements.size() && prepared[to] == prepared[from]) {
                to++;
            }
            List<Statement> run = statements.subList(from, to);
            if (prepared[from]) {
                sendCalls(connection, run);
            } else {
                sendWithParameters(connection, run);
            }
            from = to;
        }
    }

    private void sendCalls(Connection connection, List<Statement> statements) throws SQLException {
        StringBuilder calls = new StringBuilder(CALL_SIZE_GUESS * statements.size());
        for (Statement statement : statements) {
            preparedCalls.appendCall(calls, connection, statement.sql(), statement.parameters());
            calls.append(";\n");
        }
        try (java.sql.Statement call = connection.createStatement()) {
            call.setEscapeProcessing(false);
            call.execute(calls.toString());
            checkRowCounts(call, statements);
        } catch (SQLException failed) {
            if (PreparedCalls.UNKNOWN_PREPARED_STATEMENT.equals(failed.getSQLState())) {
                preparedCalls.forget(connection);
                throw new RecoverableDataAccessException("Statements prepared on the connection were lost: "
                        + "prepared again when the batch is retried", failed);
            }
            throw failed;
        }
    }

    private static void sendWithParameters(Connection connection, List<Statement> statements) throws SQLException {
        StringBuilder sql = new StringBuilder();
        for (Statement statement : statements) {
            sql.append(statement.sql()).append(";\n");
        }
        try (PreparedStatement call = connection.prepareStatement(sql.toString())) {
            int index = 1;
            for (Statement statement : statements) {
                for (Object parameter : statement.parameters()) {
                    if (parameter == null) {
                        // Typed by PostgreSQL from the statement; asking the driver for the type would cost a round trip.
                        call.setNull(index++, Types.NULL);
                    } else {
                        StatementCreatorUtils.setParameterValue(call, index++, SqlTypeValue.TYPE_UNKNOWN, parameter);
                    }
                }
            }
            call.execute();
            checkRowCounts(call, statements);
        }
    }

    private static void checkRowCounts(java.sql.Statement call, List<Statement> statements) throws SQLException {
        for (Statement statement : statements) {
            int rows = call.getUpdateCount();
            if (statement.rowCountCheck() != null) {
                statement.rowCountCheck().accept(rows);
            }
            call.getMoreResults();
        }
    }

    private boolean multiStatements() {
        if (multiStatements == null) {
            multiStatements = isPostgreSql(dataSource);
        }
        return multiStatements;
    }

    private static boolean isPostgreSql(DataSource dataSource) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return PostgreSql.is(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Impossible de lire le type de la base de données", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private record Statement(String sql, List<Object> parameters, IntConsumer rowCountCheck) {
    }
}
