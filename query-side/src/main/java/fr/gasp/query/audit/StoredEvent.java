package fr.gasp.query.audit;

import java.sql.ResultSet;
import java.sql.SQLException;

/** One row of {@code domain_event_entry}, exactly as stored. */
record StoredEvent(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                   String type, String timeStamp, String payloadType, String payloadRevision, byte[] payload,
                   byte[] metaData) {

    /** The columns to select, under their own names, optionally from a table alias ({@code "d."}). */
    static String columns(String alias) {
        return String.join(", ", alias + "global_index", alias + "event_identifier", alias + "aggregate_identifier",
                alias + "sequence_number", alias + "type", alias + "time_stamp", alias + "payload_type",
                alias + "payload_revision", alias + "payload", alias + "meta_data");
    }

    static StoredEvent read(ResultSet row) throws SQLException {
        return new StoredEvent(row.getLong("global_index"), row.getString("event_identifier"),
                row.getString("aggregate_identifier"), row.getLong("sequence_number"), row.getString("type"),
                row.getString("time_stamp"), row.getString("payload_type"), row.getString("payload_revision"),
                row.getBytes("payload"), row.getBytes("meta_data"));
    }

    /** The event's simple name, from the stored payload type ({@code fr.gasp.events.proposal.ProposalRaised}). */
    String simpleType() {
        return simpleName(payloadType);
    }

    static String simpleName(String className) {
        int cut = Math.max(className.lastIndexOf('.'), className.lastIndexOf('$'));
        return className.substring(cut + 1);
    }
}
