package fr.gasp.query.deadletter;

import fr.gasp.events.organisation.GaspCadenceSet;
import fr.gasp.events.organisation.GaspCreated;
import fr.gasp.query.common.ProjectionWrites;
import fr.gasp.query.common.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A projector of the tests, in the read-model group beside the real ones, that fails on the
 * GASPs it is told to: in Java, in SQL (which aborts the whole PostgreSQL transaction), or on
 * a statement timeout (a transient failure). Before failing it writes a mark for the event,
 * so the tests can see that a parked event left nothing behind and that a retry applied it
 * once: a second mark for one event breaks its unique key.
 */
@ProcessingGroup(ReadModel.PROCESSING_GROUP)
public class FailingProjector {

    /** GASPs whose events throw an exception from the handler. */
    public final Set<UUID> failing = ConcurrentHashMap.newKeySet();
    /** GASPs whose events run an SQL statement that always fails (division by zero). */
    public final Set<UUID> failingInSql = ConcurrentHashMap.newKeySet();
    /**
     * GASPs whose events write through {@link ProjectionWrites}, as the real projectors do, a
     * statement that always fails: in an optimistic batch it fails only when the batch commits.
     */
    public final Set<UUID> failingInQueuedSql = ConcurrentHashMap.newKeySet();
    /** GASPs whose events queue, as the real projectors do, a statement longer than the transaction's timeout. */
    public final Set<UUID> timingOutInQueue = ConcurrentHashMap.newKeySet();
    /** GASPs whose events run a statement longer than the transaction's timeout. */
    public final Set<UUID> timingOut = ConcurrentHashMap.newKeySet();

    private final JdbcClient jdbc;
    private final ProjectionWrites writes;

    public FailingProjector(JdbcClient jdbc, ProjectionWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
        jdbc.sql("CREATE TABLE IF NOT EXISTS dead_letter_test_mark (event_identifier VARCHAR(64) PRIMARY KEY, "
                + "gasp_id UUID NOT NULL)").update();
    }

    @EventHandler
    void on(GaspCreated event, EventMessage<?> message) {
        handle(event.gaspId(), message);
    }

    @EventHandler
    void on(GaspCadenceSet event, EventMessage<?> message) {
        handle(event.gaspId(), message);
    }

    /** How many times the events of a GASP were applied, as marks. */
    public long marks(UUID gaspId) {
        return jdbc.sql("SELECT count(*) FROM dead_letter_test_mark WHERE gasp_id = ?").param(gaspId)
                .query(Long.class).single();
    }

    private void handle(UUID gaspId, EventMessage<?> message) {
        if (timingOutInQueue.contains(gaspId)) {
            writes.execute("INSERT INTO dead_letter_test_mark (event_identifier, gasp_id) VALUES (?, ?)",
                    message.getIdentifier(), gaspId);
            writes.execute("SET LOCAL statement_timeout = 50");
            writes.execute("SELECT pg_sleep(2)");
            writes.execute("SET LOCAL statement_timeout = 0");
            return;
        }
        if (failingInQueuedSql.contains(gaspId)) {
            writes.execute("INSERT INTO dead_letter_test_mark (event_identifier, gasp_id) VALUES (?, ?)",
                    message.getIdentifier(), gaspId);
            writes.execute("UPDATE dead_letter_test_mark SET gasp_id = gasp_id WHERE 1 / 0 = 1");
            return;
        }
        jdbc.sql("INSERT INTO dead_letter_test_mark (event_identifier, gasp_id) VALUES (?, ?)")
                .params(message.getIdentifier(), gaspId).update();
        if (failing.contains(gaspId)) {
            throw new IllegalStateException("Échec voulu par le test pour le GASP " + gaspId);
        }
        if (failingInSql.contains(gaspId)) {
            jdbc.sql("SELECT 1 / 0").query(Integer.class).single();
        }
        if (timingOut.contains(gaspId)) {
            jdbc.sql("SET LOCAL statement_timeout = 50").update();
            jdbc.sql("SELECT pg_sleep(2)").query().listOfRows();
        }
    }
}
