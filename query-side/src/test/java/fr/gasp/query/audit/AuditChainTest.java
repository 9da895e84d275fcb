package fr.gasp.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import fr.gasp.query.testing.QueryApi.Answer;
import fr.gasp.query.testing.QuerySideIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static fr.gasp.events.meeting.MeetingKind.GROUP;
import static fr.gasp.events.organisation.GroupKind.AGENTS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hash chain kept over the events as first seen, and its verification against the store
 * as it is now: an edited, deleted or slipped-in event is named. These tests alter the store,
 * and the chain covers all of it: they run on a database of their own (the extra property
 * gives this class its own Spring context, hence its own fresh database), and each test puts
 * back what it altered, so that the first broken event is always the one it altered.
 */
@TestPropertySource(properties = "gasp.test.own-database=audit-chain")
class AuditChainTest extends QuerySideIntegrationTest {

    private static final String ZEROS = "0".repeat(64);

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private ChainFingerprint fingerprints;

    @Test
    void an_untouched_store_verifies_and_each_kept_link_is_sha256_over_the_previous_one_and_the_stored_row()
            throws Exception {
        story("Guide intact");

        JsonNode verification = verify();

        List<Row> stored = storedRows();
        Map<Long, String> kept = keptHashes();
        String hash = ZEROS;
        for (Row row : stored) {
            hash = link(hash, row);
            assertThat(kept.get(row.globalIndex())).as("link of event " + row.globalIndex()).isEqualTo(hash);
        }
        assertThat(verification.get("valid").asBoolean()).isTrue();
        assertThat(verification.get("checked").asLong()).isEqualTo(stored.size());
        assertThat(verification.get("headHash").asText()).isEqualTo(hash);
        assertThat(verification.has("firstBrokenEvent")).isFalse();
    }

    @Test
    void an_edited_payload_is_named_as_the_first_broken_event() {
        UUID proposal = story("Guide à modifier");
        Row raised = row(proposal, 0);
        byte[] forged = new String(raised.payload(), StandardCharsets.UTF_8)
                .replace("Guide à modifier", "Guide falsifié").getBytes(StandardCharsets.UTF_8);
        assertThat(forged).isNotEqualTo(raised.payload());
        try {
            jdbc.sql("UPDATE domain_event_entry SET payload = ? WHERE event_identifier = ?")
                    .params(forged, raised.eventIdentifier()).update();

            JsonNode verification = verify();

            assertBrokenAt(verification, raised, "ProposalRaised", "ALTERED");
            assertThat(verification.get("checked").asLong()).isEqualTo(chainPosition(raised));
        } finally {
            jdbc.sql("UPDATE domain_event_entry SET payload = ? WHERE event_identifier = ?")
                    .params(raised.payload(), raised.eventIdentifier()).update();
        }
        assertThat(verify().get("valid").asBoolean()).isTrue();
    }

    @Test
    void edited_metadata_is_caught_too() {
        UUID proposal = story("Guide à l'auteur changé");
        Row discussed = row(proposal, 1);
        byte[] forged = new String(discussed.metaData(), StandardCharsets.UTF_8)
                .replace("secretariat", "admin").getBytes(StandardCharsets.UTF_8);
        assertThat(forged).isNotEqualTo(discussed.metaData());
        try {
            jdbc.sql("UPDATE domain_event_entry SET meta_data = ? WHERE event_identifier = ?")
                    .params(forged, discussed.eventIdentifier()).update();

            assertBrokenAt(verify(), discussed, "ProposalDiscussed", "ALTERED");
        } finally {
            jdbc.sql("UPDATE domain_event_entry SET meta_data = ? WHERE event_identifier = ?")
                    .params(discussed.metaData(), discussed.eventIdentifier()).update();
        }
        assertThat(verify().get("valid").asBoolean()).isTrue();
    }

    @Test
    void a_deleted_event_is_named_as_it_was_seen() {
        UUID proposal = story("Guide à supprimer");
        Row discussed = row(proposal, 1);
        try {
            jdbc.sql("DELETE FROM domain_event_entry WHERE event_identifier = ?")
                    .param(discussed.eventIdentifier()).update();

            JsonNode verification = verify();

            assertBrokenAt(verification, discussed, "ProposalDiscussed", "DELETED");
            assertThat(verification.get("checked").asLong()).isEqualTo(chainPosition(discussed));
        } finally {
            insert(discussed);
        }
        assertThat(verify().get("valid").asBoolean()).isTrue();
    }

    @Test
    void an_event_slipped_below_what_the_read_model_had_read_is_caught() {
        UUID proposal = story("Guide antidaté");
        Row raised = row(proposal, 0);
        // Global index 0 is never handed out, and lies below everything the processor has read.
        Row slipped = new Row(0, UUID.randomUUID().toString(), raised.aggregateIdentifier(), 99, raised.type(),
                raised.timeStamp(), raised.payloadType(), raised.payloadRevision(), raised.payload(),
                raised.metaData());
        try {
            insert(slipped);

            JsonNode verification = verify();

            assertBrokenAt(verification, slipped, "ProposalRaised", "INSERTED");
        } finally {
            jdbc.sql("DELETE FROM domain_event_entry WHERE event_identifier = ?")
                    .param(slipped.eventIdentifier()).update();
        }
        assertThat(verify().get("valid").asBoolean()).isTrue();
    }

    @Test
    void events_the_read_model_read_before_the_audit_existed_are_chained_at_the_next_event() {
        story("Guide d'avant l'audit");
        Map<Long, String> before = keptHashes();
        // As on a database whose read model ran before the audit table existed.
        jdbc.sql("DELETE FROM audit_event").update();
        JsonNode empty = verify();
        assertThat(empty.get("valid").asBoolean()).isTrue();
        assertThat(empty.get("checked").asLong()).isZero();
        assertThat(empty.get("headHash").asText()).isEqualTo(ZEROS);

        given.gasp("GASP d'après l'audit", LocalDate.of(2019, 1, 1), "Escaupont");
        given.awaitReadModel();

        Map<Long, String> after = keptHashes();
        assertThat(after).hasSize(storedRows().size()).containsAllEntriesOf(before);
        JsonNode verification = verify();
        assertThat(verification.get("valid").asBoolean()).isTrue();
        assertThat(verification.get("checked").asLong()).isEqualTo(after.size());
    }

    @Test
    void the_fingerprint_of_a_day_is_the_head_hash_after_the_events_recorded_by_its_end() {
        story("Guide du rapport");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        JsonNode verification = verify();

        JsonNode printed = auditor("/api/audit/fingerprint?date=" + today);
        JsonNode dayBefore = auditor("/api/audit/fingerprint?date=" + today.minusDays(1));

        assertThat(printed.get("date").asText()).isEqualTo(today.toString());
        assertThat(printed.get("headHash").asText()).isEqualTo(verification.get("headHash").asText());
        assertThat(printed.get("events").asLong()).isEqualTo(verification.get("checked").asLong());
        List<Row> stored = storedRows();
        assertThat(printed.get("lastGlobalIndex").asLong()).isEqualTo(stored.get(stored.size() - 1).globalIndex());
        assertThat(dayBefore.get("events").asLong()).isZero();
        assertThat(dayBefore.get("headHash").asText()).isEqualTo(ZEROS);
        assertThat(dayBefore.get("lastGlobalIndex").isNull()).isTrue();
        assertThat(fingerprints.at(today).headHash()).isEqualTo(printed.get("headHash").asText());
    }

    /** A GASP, a group, a meeting and a proposal raised and discussed there; answers the proposal. */
    private UUID story(String title) {
        UUID gasp = given.gasp("GASP " + title, LocalDate.of(2018, 1, 1), "Escaupont");
        UUID agents = given.group(gasp, AGENTS, "Agents", LocalDate.of(2018, 1, 2));
        UUID meeting = given.meeting(gasp, GROUP, agents, LocalDate.of(2018, 2, 1), 8);
        UUID proposal = given.raise(gasp, agents, meeting, title, LocalDate.of(2018, 2, 1));
        given.discuss(proposal, agents, meeting, LocalDate.of(2018, 2, 1));
        given.awaitReadModel();
        assertThat(verify().get("valid").asBoolean()).as("verification before any change").isTrue();
        return proposal;
    }

    private void assertBrokenAt(JsonNode verification, Row event, String type, String change) {
        assertThat(verification.get("valid").asBoolean()).isFalse();
        JsonNode broken = verification.get("firstBrokenEvent");
        assertThat(broken.get("globalIndex").asLong()).isEqualTo(event.globalIndex());
        assertThat(broken.get("eventIdentifier").asText()).isEqualTo(event.eventIdentifier());
        assertThat(broken.get("aggregateIdentifier").asText()).isEqualTo(event.aggregateIdentifier());
        assertThat(broken.get("sequenceNumber").asLong()).isEqualTo(event.sequenceNumber());
        assertThat(broken.get("type").asText()).isEqualTo(type);
        assertThat(broken.get("change").asText()).isEqualTo(change);
    }

    private JsonNode verify() {
        return auditor("/api/audit/verify");
    }

    private JsonNode auditor(String path) {
        Answer answer = api.get("auditor", path);
        assertThat(answer.status()).as(path + " → " + answer.body()).isEqualTo(200);
        return answer.body();
    }

    private long chainPosition(Row event) {
        return jdbc.sql("SELECT chain_position FROM audit_event WHERE global_index = ?")
                .param(event.globalIndex()).query(Long.class).single();
    }

    private Map<Long, String> keptHashes() {
        return jdbc.sql("SELECT global_index, chain_hash FROM audit_event")
                .query((row, number) -> Map.entry(row.getLong(1), row.getString(2)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** One stored event, every column as stored. */
    private record Row(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                       String type, String timeStamp, String payloadType, String payloadRevision, byte[] payload,
                       byte[] metaData) {
    }

    private static final String COLUMNS = "global_index, event_identifier, aggregate_identifier, sequence_number, "
            + "type, time_stamp, payload_type, payload_revision, payload, meta_data";

    private List<Row> storedRows() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM domain_event_entry ORDER BY global_index")
                .query((row, number) -> new Row(row.getLong(1), row.getString(2), row.getString(3), row.getLong(4),
                        row.getString(5), row.getString(6), row.getString(7), row.getString(8), row.getBytes(9),
                        row.getBytes(10)))
                .list();
    }

    private Row row(UUID aggregate, long sequenceNumber) {
        return storedRows().stream()
                .filter(row -> row.aggregateIdentifier().equals(aggregate.toString())
                        && row.sequenceNumber() == sequenceNumber)
                .findFirst().orElseThrow();
    }

    private void insert(Row row) {
        jdbc.sql("INSERT INTO domain_event_entry (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(row.globalIndex(), row.eventIdentifier(), row.aggregateIdentifier(), row.sequenceNumber(),
                        row.type(), row.timeStamp(), row.payloadType(), row.payloadRevision(), row.payload(),
                        row.metaData())
                .update();
    }

    /** The chain's definition, written out again independently of the code under test. */
    private static String link(String previous, Row row) throws IOException, java.security.NoSuchAlgorithmException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(HexFormat.of().parseHex(previous));
        for (Object field : new Object[] {Long.toString(row.globalIndex()), row.eventIdentifier(),
                row.aggregateIdentifier(), Long.toString(row.sequenceNumber()), row.type(), row.timeStamp(),
                row.payloadType(), row.payloadRevision(), row.payload(), row.metaData()}) {
            byte[] value = field instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : (byte[]) field;
            if (value == null) {
                out.writeInt(-1);
            } else {
                out.writeInt(value.length);
                out.write(value);
            }
        }
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
    }
}
