package fr.gasp.query.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gasp.query.audit.AuditProcessor;
import fr.gasp.query.common.ReadModel;
import fr.gasp.query.common.ReadModelCommits;
import fr.gasp.query.common.ReadModelVersion;
import fr.gasp.query.testing.QuerySideIntegrationTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static fr.gasp.events.organisation.GroupKind.AGENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Dashboards and reports are computed once per state of the read models: asked again while
 * nothing moved, they are not computed again; once an event is projected (or the stored
 * position moves, as another node's batch moves it), they are, and show it.
 */
class ComputedFiguresTest extends QuerySideIntegrationTest {

    private static final LocalDate ON = LocalDate.of(2019, 2, 4);

    @Autowired
    private ComputedFigures computed;

    @Autowired
    private ReadModelVersion versions;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Autowired
    private AnnualReportCsv csv;

    @Autowired
    private ReadModelCommits commits;

    @Autowired
    private ObjectMapper mapper;

    @Autowired
    private DashboardService dashboards;

    @Autowired
    private AnnualReportService reports;

    @Autowired
    private GaspChoice choice;

    @Autowired
    private Clock clock;

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private EventStore eventStore;

    @Test
    void asked_again_while_the_read_models_stand_still_it_is_not_computed_again_and_once_they_move_it_is() {
        UUID gasp = given.gasp("GASP mémoire", ON, "Escaupont");
        given.awaitReadModel();
        AtomicInteger computations = new AtomicInteger();
        String question = "computations of " + gasp;

        assertThat(computed.get(question, computations::incrementAndGet)).isEqualTo(1);
        assertThat(computed.get(question, computations::incrementAndGet)).isEqualTo(1);
        assertThat(computed.get("another question of " + gasp, () -> "other")).isEqualTo("other");

        given.group(gasp, AGENTS, "Agents", ON);
        given.awaitReadModel();

        assertThat(computed.get(question, computations::incrementAndGet)).isEqualTo(2);
        assertThat(computations).hasValue(2);
    }

    @Test
    void the_dashboard_and_the_report_show_a_step_projected_after_they_were_first_computed() {
        UUID gasp = given.gasp("GASP jamais en retard", ON, "Escaupont");
        UUID group = given.group(gasp, AGENTS, "Agents", ON);
        given.raise(gasp, group, null, "Premier", ON);
        given.awaitReadModel();
        String dashboard = "/api/dashboard?gaspId=" + gasp;
        String report = "/api/reports/annual/2019?gaspId=" + gasp;
        assertThat(raised(api.read(dashboard))).isEqualTo(1);
        assertThat(raised(api.read(dashboard))).isEqualTo(1);
        assertThat(api.read(report).get("proposals").get("raised").asLong()).isEqualTo(1);
        int csvLines = csv.write(gasp, 2019, LocalDate.of(2020, 1, 1)).split("\n").length;

        given.raise(gasp, group, null, "Second", ON.plusDays(1));
        given.awaitReadModel();

        assertThat(raised(api.read(dashboard))).isEqualTo(2);
        assertThat(api.read(report).get("proposals").get("raised").asLong()).isEqualTo(2);
        assertThat(csv.write(gasp, 2019, LocalDate.of(2020, 1, 1)).split("\n")).hasSize(csvLines + 1);
    }

    @Test
    void the_json_sent_is_the_one_springs_mapper_writes_of_the_figures() throws Exception {
        UUID gasp = given.gasp("GASP en JSON", ON, "Escaupont");
        UUID group = given.group(gasp, AGENTS, "Agents", ON);
        given.raise(gasp, group, null, "Une proposition « accentuée »", ON);
        given.awaitReadModel();
        LocalDate today = LocalDate.now(clock);

        for (int time = 0; time < 2; time++) {
            assertThat(api.read("/api/dashboard?gaspId=" + gasp))
                    .isEqualTo(asParsed(dashboards.build(choice.of(gasp), null, today)));
            assertThat(api.read("/api/reports/annual/2019?gaspId=" + gasp))
                    .isEqualTo(asParsed(reports.build(choice.of(gasp), 2019, today)));
        }
    }

    @Test
    void another_node_moving_the_stored_position_moves_the_version() {
        given.gasp("GASP deux nœuds", ON, "Escaupont");
        given.awaitReadModel();
        String before = versions.current();
        assertThat(versions.current()).isEqualTo(before);

        // What another node's batch does: its commit changes the token row. Seen here inside a
        // transaction rolled back at once, so that this node's processor never notices.
        String during = new TransactionTemplate(transactionManager).execute(status -> {
            status.setRollbackOnly();
            jdbc.sql("UPDATE token_entry SET token = ? WHERE processor_name = ?")
                    .param("{}".getBytes()).param(ReadModel.PROCESSING_GROUP).update();
            return versions.current();
        });

        assertThat(during).isNotEqualTo(before);
        assertThat(versions.current()).isEqualTo(before);
    }

    @Test
    void the_audit_processor_moving_on_alone_does_not_move_the_read_models() throws Exception {
        given.gasp("GASP audité", ON, "Escaupont");
        given.awaitReadModel();
        StreamingEventProcessor readModel = processing.eventProcessor(ReadModel.PROCESSING_GROUP,
                StreamingEventProcessor.class).orElseThrow();
        StreamingEventProcessor audit = processing.eventProcessor(AuditProcessor.PROCESSING_GROUP,
                StreamingEventProcessor.class).orElseThrow();
        readModel.shutDown();
        try {
            String before = versions.current();
            long commitsBefore = commits.count();
            given.gasp("GASP vu par l'audit seul", ON, "Escaupont");
            long head = eventStore.createHeadToken().position().orElseThrow();
            long deadline = System.currentTimeMillis() + 15_000;
            while (!audit.processingStatus().values().stream().allMatch(status -> status.getCurrentPosition()
                    .orElse(-1) >= head)) {
                assertThat(System.currentTimeMillis()).as("the audit processor reaching " + head).isLessThan(deadline);
                Thread.sleep(20);
            }

            assertThat(commits.count()).isEqualTo(commitsBefore);
            assertThat(versions.current()).isEqualTo(before);
        } finally {
            readModel.start();
        }
        given.awaitReadModel();
    }

    @Test
    void requests_arriving_during_a_computation_wait_for_it_instead_of_computing_again() throws Exception {
        AtomicInteger computations = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        String question = "slow " + UUID.randomUUID();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            answers.add(clients.submit(() -> computed.get(question, () -> {
                started.countDown();
                await(release);
                return computations.incrementAndGet();
            })));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            for (int client = 0; client < 3; client++) {
                answers.add(clients.submit(() -> computed.get(question, computations::incrementAndGet)));
            }
            Thread.sleep(200);
            release.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            }
            assertThat(computations).hasValue(1);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void a_computation_that_failed_is_not_remembered() {
        String question = "failing " + UUID.randomUUID();

        assertThatThrownBy(() -> computed.get(question, () -> {
            throw new IllegalStateException("la base ne répond pas");
        })).isInstanceOf(IllegalStateException.class).hasMessage("la base ne répond pas");

        assertThat(computed.get(question, () -> "answer")).isEqualTo("answer");
    }

    /** As a client reads what Spring's mapper writes of it. */
    private JsonNode asParsed(Object value) throws Exception {
        return mapper.readTree(mapper.writeValueAsBytes(value));
    }

    private static long raised(JsonNode dashboard) {
        return dashboard.get("totals").get("raised").asLong();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
