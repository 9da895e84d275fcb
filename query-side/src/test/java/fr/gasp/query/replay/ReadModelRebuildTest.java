package fr.gasp.query.replay;

import com.fasterxml.jackson.databind.JsonNode;
import fr.gasp.events.organisation.Cadence;
import fr.gasp.events.proposal.ImplementationProgressed;
import fr.gasp.events.proposal.ImplementationStarted;
import fr.gasp.events.proposal.ProposalAmended;
import fr.gasp.events.proposal.ProposalWithdrawn;
import fr.gasp.query.common.ReadModel;
import fr.gasp.query.common.ReadModelRebuilder;
import fr.gasp.query.common.RebuiltTable;
import fr.gasp.query.testing.QueryApi.Answer;
import fr.gasp.query.testing.QuerySideIntegrationTest;
import fr.gasp.query.web.SmallGasp;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSetMetaData;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.IntStream;

import static fr.gasp.events.meeting.MeetingKind.GROUP;
import static fr.gasp.events.organisation.GroupKind.AGENTS;
import static org.assertj.core.api.Assertions.assertThat;

/** A rebuild gives back, row for row, the read models kept event by event, and the processor goes on after it. */
class ReadModelRebuildTest extends QuerySideIntegrationTest {

    private static final MetaData SECRETARIAT = MetaData.with("actor", "secretariat").and("role", "SECRETARIAT");

    @Autowired
    private List<ReadModelRebuilder> rebuilders;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void a_rebuild_gives_back_every_read_model_row_and_leaves_the_audit_alone() {
        SmallGasp small = SmallGasp.record(given, "GASP reconstruit");
        recordAWholeOrganisation(small);
        given.awaitReadModel();
        Map<String, List<String>> before = readModels();
        assertEveryFirstStepOfItsTypeIsFirstInItsYear();
        long auditRows = jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single();
        assertThat(before.get("proposal_view")).isNotEmpty();

        JsonNode done = rebuildAndWait();

        assertThat(done.get("state").asText()).isEqualTo("DONE");
        assertThat(done.get("done").asBoolean()).isTrue();
        assertThat(done.get("percent").asDouble()).isEqualTo(100.0);
        long stored = jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
        assertThat(done.get("processed").asLong()).isEqualTo(stored);
        assertThat(done.get("total").asLong()).isEqualTo(stored);
        Map<String, List<String>> after = readModels();
        for (String table : before.keySet()) {
            assertThat(after.get(table)).as(table).containsExactlyElementsOf(before.get(table));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single()).isEqualTo(auditRows);
        assertEveryFirstStepOfItsTypeIsFirstInItsYear();
    }

    /** What the report's one index of first steps (V10) relies on, from the projector and from the rebuild. */
    private void assertEveryFirstStepOfItsTypeIsFirstInItsYear() {
        assertThat(steps("first_of_type AND NOT first_in_year")).isZero();
        assertThat(steps("first_in_year AND NOT first_of_type")).as("a step type repeated in a later year").isPositive();
    }

    private long steps(String condition) {
        return jdbc.sql("SELECT count(*) FROM report_step WHERE " + condition).query(Long.class).single();
    }

    @Test
    void the_processor_goes_on_after_a_rebuild_from_where_it_stopped() {
        SmallGasp small = SmallGasp.record(given, "GASP qui continue");
        rebuildAndWait();

        long version = given.amendTitle(small.housing(), "Permanence logement le samedi matin", LocalDate.of(2024, 7, 1));
        given.awaitReadModel();

        JsonNode housing = api.read("/api/proposals/" + small.housing() + "?minVersion=" + version);
        assertThat(housing.get("title").asText()).isEqualTo("Permanence logement le samedi matin");
        assertThat(jdbc.sql("SELECT count(*) FROM proposal_history WHERE proposal_id = ?").param(small.housing())
                .query(Long.class).single()).isEqualTo(version + 1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE aggregate_identifier = ?")
                .param(small.housing().toString()).query(Long.class).single()).isEqualTo(version + 1);
    }

    @Test
    void a_rebuild_gives_every_segment_of_the_processor_the_position_it_rebuilt_up_to() {
        SmallGasp small = SmallGasp.record(given, "GASP aux deux segments");
        given.awaitReadModel();
        processing.eventProcessor(ReadModel.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow().shutDown();
        // Events not applied yet, of a proposal in each segment: a segment whose position the
        // rebuild left where it was would apply them a second time once started again.
        Map<Integer, UUID> proposalOfSegment = new TreeMap<>();
        while (proposalOfSegment.size() < ReadModel.SEGMENTS) {
            UUID proposal = given.raise(small.gasp(), small.agents(), null, "Proposition en attente",
                    LocalDate.of(2024, 9, 1));
            proposalOfSegment.putIfAbsent(segmentOf(proposal), proposal);
        }
        proposalOfSegment.values().forEach(proposal ->
                given.amendTitle(proposal, "Proposition reprise", LocalDate.of(2024, 9, 2)));

        rebuildAndWait();
        given.awaitReadModel();

        long head = jdbc.sql("SELECT max(global_index) FROM domain_event_entry").query(Long.class).single();
        assertThat(jdbc.sql("""
                        SELECT CAST(convert_from(token, 'UTF8') AS json) ->> 'index' FROM token_entry
                        WHERE processor_name = ?""").param(ReadModel.PROCESSING_GROUP).query(Long.class).list())
                .as("each segment's stored position").hasSize(ReadModel.SEGMENTS).containsOnly(head);
        for (UUID proposal : proposalOfSegment.values()) {
            assertThat(jdbc.sql("SELECT count(*) FROM proposal_history WHERE proposal_id = ?").param(proposal)
                    .query(Long.class).single()).as("steps of " + proposal).isEqualTo(2);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM dead_letter_entry").query(Long.class).single())
                .as("events applied a second time, and parked").isZero();
    }

    /** As Axon's tracking processor sorts an event into a segment: by its aggregate's identifier. */
    private static int segmentOf(UUID aggregate) {
        int[] all = IntStream.range(0, ReadModel.SEGMENTS).toArray();
        return IntStream.of(all).filter(segment -> Segment.computeSegment(segment, all).matches(aggregate.toString()))
                .findFirst().orElseThrow();
    }

    @Test
    void only_administrators_may_rebuild() {
        assertThat(api.post("secretariat", "/api/admin/replay").status()).isEqualTo(403);
        assertThat(api.get("auditor", "/api/admin/replay").status()).isEqualTo(403);
        assertThat(api.post(null, "/api/admin/replay").status()).isEqualTo(401);
    }

    /** Members who come and go, cadences replaced, minutes, restitutions twice, texts COPY must escape. */
    private void recordAWholeOrganisation(SmallGasp small) {
        given.cadence(small.gasp(), new Cadence(6, 4, 2, 1), LocalDate.of(2023, 1, 11));
        given.cadence(small.gasp(), new Cadence(8, 4, 3, 1), LocalDate.of(2023, 9, 1));
        UUID alice = given.member(small.agents(), "Alice Martin", "Mairie", "agent d'accueil", LocalDate.of(2023, 1, 12));
        UUID bruno = given.member(small.agents(), "Bruno Petit", null, null, LocalDate.of(2023, 1, 12));
        given.leaves(small.agents(), alice, LocalDate.of(2023, 5, 1));
        given.joins(small.agents(), alice, "CCAS", "médiatrice", LocalDate.of(2023, 9, 1));
        given.erase(small.agents(), bruno, LocalDate.of(2023, 10, 1));
        UUID otherGroup = given.group(small.gasp(), AGENTS, "Agents\tdu\\centre\nsocial", LocalDate.of(2023, 2, 1));
        UUID meeting = given.meeting(small.gasp(), GROUP, otherGroup, LocalDate.of(2023, 2, 2), 2, alice, bruno);
        given.minutes(meeting, 1, "Compte rendu :\n\t- point 1\\2\r\n- point « 3 »", LocalDate.of(2023, 2, 3));
        given.minutes(meeting, 2, "Compte rendu corrigé", LocalDate.of(2023, 2, 4));
        given.restitution(meeting, LocalDate.of(2023, 2, 5), small.guide(), small.police());
        given.restitution(meeting, LocalDate.of(2023, 2, 6), small.guide());
        given.append("Proposal", small.housing(), new ImplementationStarted(small.housing(), "Centre social",
                LocalDate.of(2024, 12, 31), LocalDate.of(2024, 7, 1)), SECRETARIAT);
        given.append("Proposal", small.housing(), new ImplementationProgressed(small.housing(), 40,
                "Local trouvé\tà l'étage", LocalDate.of(2024, 8, 1)), SECRETARIAT);
        given.append("Proposal", small.housing(), new ImplementationProgressed(small.housing(), 70,
                "Travaux commencés", LocalDate.of(2025, 2, 3)), SECRETARIAT);
        given.append("Proposal", small.script(), new ProposalAmended(small.script(), null, "Nouvelle description",
                List.of("numérique", "accès aux droits"), LocalDate.of(2024, 3, 2)), SECRETARIAT);
        given.append("Proposal", small.mediation(), new ProposalWithdrawn(small.mediation(), "Reprise par la région",
                LocalDate.of(2024, 7, 1)), SECRETARIAT);
    }

    private JsonNode rebuildAndWait() {
        Answer started = api.post("admin", "/api/admin/replay");
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.contentType()).startsWith("application/json");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode progress = api.get("admin", "/api/admin/replay").body();
            if (progress.get("done").asBoolean()) {
                assertThat(progress.get("error").isNull()).as(progress.toString()).isTrue();
                return progress;
            }
            sleep();
        }
        throw new AssertionError("The rebuild did not finish within 60 s");
    }

    /** Every rebuilt table, each row as text, sorted: what both ways of projecting must agree on. */
    private Map<String, List<String>> readModels() {
        Map<String, List<String>> tables = new TreeMap<>();
        for (ReadModelRebuilder rebuilder : rebuilders) {
            for (RebuiltTable table : rebuilder.tables()) {
                List<String> rows = new ArrayList<>(jdbc.sql("SELECT * FROM " + table.name()).query((row, number) -> {
                    ResultSetMetaData columns = row.getMetaData();
                    StringBuilder text = new StringBuilder();
                    for (int column = 1; column <= columns.getColumnCount(); column++) {
                        text.append(columns.getColumnName(column)).append('=').append(row.getString(column)).append('|');
                    }
                    return text.toString();
                }).list());
                rows.sort(null);
                tables.put(table.name(), rows);
            }
        }
        return tables;
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
