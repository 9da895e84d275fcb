package fr.gasp.benchmarks;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * A table shaped like Axon's {@code domain_event_entry} (same columns and constraints), and the
 * insert of one event-shaped row into it: what the raw commit rate and the floor over HTTP
 * ({@link fr.gasp.benchmarks.floor.CommitOverHttp}) each commit, so that the two compare.
 */
public final class EventShapedTable {

    private EventShapedTable() {
    }

    public static void create(Statement statement, String table) throws SQLException {
        statement.execute("CREATE TABLE " + table + " ("
                + "global_index BIGSERIAL NOT NULL PRIMARY KEY, event_identifier VARCHAR(255) NOT NULL UNIQUE, "
                + "aggregate_identifier VARCHAR(255) NOT NULL, sequence_number BIGINT NOT NULL, type VARCHAR(255), "
                + "time_stamp VARCHAR(255) NOT NULL, payload_type VARCHAR(255) NOT NULL, payload_revision VARCHAR(255), "
                + "payload BYTEA NOT NULL, meta_data BYTEA, UNIQUE (aggregate_identifier, sequence_number))");
    }

    /** Parameters: event identifier, aggregate identifier, time stamp, payload type, payload, metadata. */
    public static String insert(String table) {
        return "INSERT INTO " + table + " (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,"
                + " payload_type, payload_revision, payload, meta_data) VALUES (?, ?, 0, 'Proposal', ?, ?, '1', ?, ?)";
    }
}
