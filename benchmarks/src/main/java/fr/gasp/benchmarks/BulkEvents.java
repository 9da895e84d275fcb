package fr.gasp.benchmarks;

import fr.gasp.benchmarks.ProposalLifecycles.Step;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Writes proposals' lives straight into domain_event_entry with COPY, row for row
 * as the command side would have written them (format: {@link StoredEventFormat}), because
 * sending a million commands over HTTP would take hours. The rows get the next global
 * indexes of the store, so the query side's processor sees them as new events.
 */
final class BulkEvents {

    /** Axon's JDBC store writes the recording time with milliseconds, in UTC. */
    private static final DateTimeFormatter TIME_STAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    /** Rows per COPY and per transaction. */
    private static final int BATCH = 20_000;
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final String COPY = "COPY domain_event_entry (event_identifier, aggregate_identifier, sequence_number,"
            + " type, time_stamp, payload_type, payload_revision, payload, meta_data) FROM STDIN";

    record Written(long events, long proposals, double seconds) {
    }

    private BulkEvents() {
    }

    static Written write(BenchDatabase database, ProposalLifecycles lifecycles, long targetEvents) throws Exception {
        long started = System.nanoTime();
        long events = 0;
        long proposals = 0;
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder rows = new StringBuilder(1 << 20);
            int batched = 0;
            while (events < targetEvents) {
                List<Step> life = lifecycles.next();
                proposals++;
                for (Step step : life) {
                    row(rows, lifecycles.randomId(), step, lifecycles.randomId());
                    events++;
                    batched++;
                }
                if (batched >= BATCH || events >= targetEvents) {
                    copy.copyIn(COPY, new StringReader(rows.toString()));
                    connection.commit();
                    rows.setLength(0);
                    batched = 0;
                }
                if (proposals % 10_000 == 0) {
                    System.out.printf("[bulk] %,d events, %,d proposals written%n", events, proposals);
                }
            }
        }
        return new Written(events, proposals, (System.nanoTime() - started) / 1e9);
    }

    /** One row in COPY's text format: tab-separated, bytea as hex with its backslash escaped. */
    private static void row(StringBuilder rows, UUID eventId, Step step, UUID commandId) {
        rows.append(eventId).append('\t')
                .append(step.proposalId()).append('\t')
                .append(step.sequence()).append('\t')
                .append("Proposal\t")
                .append(TIME_STAMP.format(Instant.now())).append('\t')
                .append(StoredEventFormat.payloadType(step.event())).append('\t')
                .append(StoredEventFormat.revision(step.event())).append('\t');
        hex(rows, StoredEventFormat.payload(step.event()));
        rows.append('\t');
        hex(rows, StoredEventFormat.metaData(step.actor(), step.role(), commandId));
        rows.append('\n');
    }

    private static void hex(StringBuilder rows, byte[] bytes) {
        rows.append("\\\\x");
        for (byte value : bytes) {
            rows.append(HEX[(value >> 4) & 0xF]).append(HEX[value & 0xF]);
        }
    }

    /** Reads back the last rows written and parses their payloads: the COPY escaping held. */
    static long checkReadBack(BenchDatabase database, int rows) throws Exception {
        long parsed = 0;
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet read = statement.executeQuery("SELECT payload_type, payload, meta_data FROM domain_event_entry"
                     + " ORDER BY global_index DESC LIMIT " + rows)) {
            while (read.next()) {
                StoredEventFormat.JSON.readValue(read.getBytes("payload"), Class.forName(read.getString("payload_type")));
                StoredEventFormat.JSON.readTree(read.getBytes("meta_data")).get("actor").asText();
                parsed++;
            }
        }
        return parsed;
    }

    /**
     * Re-serialises events the command side stored itself and compares bytes: the check that
     * the bulk rows are what the command side would have written. Answers the mismatches.
     */
    static List<String> compareWithCommandSide(BenchDatabase database) throws Exception {
        java.util.ArrayList<String> mismatches = new java.util.ArrayList<>();
        int checked = 0;
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT DISTINCT ON (payload_type) payload_type, payload_revision,"
                     + " payload, meta_data, time_stamp FROM domain_event_entry ORDER BY payload_type, global_index")) {
            while (rows.next()) {
                checked++;
                Class<?> type = Class.forName(rows.getString("payload_type"));
                byte[] stored = rows.getBytes("payload");
                Object event = StoredEventFormat.JSON.readValue(stored, type);
                if (!Arrays.equals(stored, StoredEventFormat.payload(event))) {
                    mismatches.add(type.getSimpleName() + " payload: stored " + new String(stored)
                            + " / ours " + new String(StoredEventFormat.payload(event)));
                }
                if (!String.valueOf(StoredEventFormat.revision(event)).equals(String.valueOf(rows.getString("payload_revision")))) {
                    mismatches.add(type.getSimpleName() + " revision " + rows.getString("payload_revision"));
                }
                var metaData = StoredEventFormat.JSON.readTree(rows.getBytes("meta_data"));
                UUID commandId = UUID.fromString(metaData.get("correlationId").asText());
                byte[] ours = StoredEventFormat.metaData(metaData.get("actor").asText(), metaData.get("role").asText(),
                        commandId);
                if (!Arrays.equals(rows.getBytes("meta_data"), ours)) {
                    mismatches.add(type.getSimpleName() + " metadata: stored " + new String(rows.getBytes("meta_data"))
                            + " / ours " + new String(ours));
                }
                String timeStamp = rows.getString("time_stamp");
                if (!timeStamp.equals(TIME_STAMP.format(Instant.parse(timeStamp)))) {
                    mismatches.add(type.getSimpleName() + " time stamp " + timeStamp);
                }
            }
        }
        if (checked == 0) {
            mismatches.add("no event stored by the command side to compare with");
        }
        return mismatches;
    }
}
