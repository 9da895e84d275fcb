package fr.gasp.query.deadletter;

import com.fasterxml.jackson.databind.JsonNode;
import fr.gasp.events.organisation.Cadence;
import fr.gasp.events.organisation.GaspCadenceSet;
import fr.gasp.events.organisation.GaspCreated;
import fr.gasp.query.common.ProjectionWrites;
import fr.gasp.query.testing.QueryApi.Answer;
import fr.gasp.query.testing.QuerySideIntegrationTest;
import fr.gasp.query.testing.RawHttp;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event whose read-model handling fails for good is parked with the later events of its
 * aggregate, the other aggregates go on, and an ADMIN sees it and retries it once its cause
 * is fixed; a transient failure (a statement timeout) is retried by the processor, not parked.
 * A context of its own (the failing projector), closed after the class with its small pool.
 */
@Import(DeadLetterQueueTest.WithFailingProjector.class)
@AutoConfigureObservability(tracing = false)
@TestPropertySource(properties = "spring.datasource.hikari.maximum-pool-size=4")
@DirtiesContext
class DeadLetterQueueTest extends QuerySideIntegrationTest {

    private static final MetaData SECRETARIAT = MetaData.with("actor", "secretariat").and("role", "SECRETARIAT");
    private static final LocalDate ON = LocalDate.of(2020, 3, 1);
    private static final Cadence MONTHLY = new Cadence(12, 4, 2, 1);

    @TestConfiguration
    static class WithFailingProjector {
        @Bean
        FailingProjector failingProjector(JdbcClient jdbc, ProjectionWrites writes) {
            return new FailingProjector(jdbc, writes);
        }
    }

    @Autowired
    private FailingProjector projector;

    @Autowired
    private DeadLetters deadLetters;

    @LocalServerPort
    private int port;

    @Test
    void a_failing_event_is_parked_with_the_later_events_of_its_aggregate_and_retried_once_fixed() {
        UUID broken = UUID.randomUUID();
        projector.failing.add(broken);
        createGasp(broken, "GASP en échec");
        UUID other = UUID.randomUUID();
        createGasp(other, "GASP sans histoire");
        given.append("Gasp", broken, new GaspCadenceSet(broken, MONTHLY, ON), SECRETARIAT);
        given.awaitReadModel();

        // The other aggregate went on; the broken one left nothing behind, not even the rows
        // the handlers that ran before the failing one wrote.
        assertThat(api.get("secretariat", "/api/gasps/" + other).status()).isEqualTo(200);
        assertThat(api.get("secretariat", "/api/gasps/" + broken).status()).isEqualTo(404);
        assertThat(projector.marks(broken)).isZero();
        assertThat(projector.marks(other)).isEqualTo(1);

        List<JsonNode> parked = parkedOf(broken);
        assertThat(parked).hasSize(2);
        JsonNode first = parked.get(0);
        assertThat(first.get("eventType").asText()).isEqualTo("GaspCreated");
        assertThat(first.get("aggregateType").asText()).isEqualTo("Gasp");
        assertThat(first.get("aggregateId").asText()).isEqualTo(broken.toString());
        assertThat(first.get("aggregateSequenceNumber").asLong()).isZero();
        assertThat(first.get("globalIndex").asLong()).isPositive();
        assertThat(first.get("eventIdentifier").asText()).isNotBlank();
        assertThat(first.get("causeType").asText()).isEqualTo(IllegalStateException.class.getName());
        assertThat(first.get("causeMessage").asText()).contains("Échec voulu par le test");
        assertThat(first.get("attempts").asLong()).isEqualTo(1);
        assertThat(first.get("enqueuedAt").asText()).isNotBlank();
        JsonNode behind = parked.get(1);
        assertThat(behind.get("eventType").asText()).isEqualTo("GaspCadenceSet");
        assertThat(behind.get("aggregateSequenceNumber").asLong()).isEqualTo(1);
        assertThat(behind.get("globalIndex").asLong()).isGreaterThan(first.get("globalIndex").asLong());
        assertThat(behind.get("causeType").isNull()).as("parked behind, not failed itself").isTrue();
        assertThat(behind.get("attempts").asLong()).isZero();

        // Retried while the cause is still there: still parked, one more attempt.
        JsonNode stillFailing = retry("/api/admin/dead-letters/" + broken + "/retry");
        assertThat(stillFailing.get("retriedSequences").asInt()).isEqualTo(1);
        assertThat(stillFailing.get("resolvedSequences").asInt()).isZero();
        assertThat(stillFailing.get("stillFailingSequences").asInt()).isEqualTo(1);
        assertThat(parkedOf(broken)).hasSize(2);
        assertThat(parkedOf(broken).get(0).get("attempts").asLong()).isEqualTo(2);
        assertThat(projector.marks(broken)).isZero();

        // Fixed: the retry applies both events, in order, once, and empties the queue.
        projector.failing.remove(broken);
        JsonNode resolved = retry("/api/admin/dead-letters/retry");
        assertThat(resolved.get("resolvedSequences").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(parkedOf(broken)).isEmpty();
        JsonNode gasp = api.read("/api/gasps/" + broken);
        assertThat(gasp.get("name").asText()).isEqualTo("GASP en échec");
        assertThat(gasp.get("cadence").get("agentsMeetings").asInt()).isEqualTo(12);
        assertThat(projector.marks(broken)).isEqualTo(2);
        assertThat(resolved.get("remainingDeadLetters").asLong()).isEqualTo(deadLetters.count());

        // Later events of the aggregate are handled as usual again.
        given.append("Gasp", broken, new GaspCadenceSet(broken, new Cadence(6, 2, 1, 1), ON), SECRETARIAT);
        given.awaitReadModel();
        assertThat(api.read("/api/gasps/" + broken).get("cadence").get("agentsMeetings").asInt()).isEqualTo(6);
        assertThat(parkedOf(broken)).isEmpty();
    }

    @Test
    void a_failing_sql_statement_is_undone_alone_and_the_rest_of_the_batch_is_kept() {
        UUID broken = parkedAloneBetweenTwoOthers(projector.failingInSql, "GASP dont le SQL échoue");

        // Retried while it still fails: its writes are undone alone and the new attempt is recorded.
        JsonNode stillFailing = retry("/api/admin/dead-letters/" + broken + "/retry");
        assertThat(stillFailing.get("stillFailingSequences").asInt()).isEqualTo(1);
        assertThat(parkedOf(broken).get(0).get("attempts").asLong()).isEqualTo(2);
        assertThat(projector.marks(broken)).isZero();

        appliedOnceWhenFixed(projector.failingInSql, broken);
    }

    @Test
    void a_statement_queued_for_the_batch_that_fails_parks_its_event_alone_and_the_rest_of_the_batch_is_kept() {
        UUID broken = parkedAloneBetweenTwoOthers(projector.failingInQueuedSql, "GASP dont l'écriture en file échoue");
        appliedOnceWhenFixed(projector.failingInQueuedSql, broken);
    }

    /**
     * A GASP created between two others, whose event fails in SQL while in {@code failing}:
     * parked alone, nothing of it written, the two others projected.
     */
    private UUID parkedAloneBetweenTwoOthers(Set<UUID> failing, String name) {
        UUID broken = UUID.randomUUID();
        failing.add(broken);
        UUID before = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        createGasp(before, "Avant : " + name);
        createGasp(broken, name);
        createGasp(after, "Après : " + name);
        given.awaitReadModel();

        assertThat(api.get("secretariat", "/api/gasps/" + before).status()).isEqualTo(200);
        assertThat(api.get("secretariat", "/api/gasps/" + after).status()).isEqualTo(200);
        assertThat(api.get("secretariat", "/api/gasps/" + broken).status()).isEqualTo(404);
        List<JsonNode> parked = parkedOf(broken);
        assertThat(parked).hasSize(1);
        assertThat(parked.get(0).get("causeMessage").asText()).containsIgnoringCase("division by zero");
        assertThat(projector.marks(broken)).isZero();
        return broken;
    }

    /** Its cause fixed, a parked GASP retried is projected, once, and leaves the queue. */
    private void appliedOnceWhenFixed(Set<UUID> failing, UUID broken) {
        failing.remove(broken);
        retry("/api/admin/dead-letters/" + broken + "/retry");
        assertThat(api.get("secretariat", "/api/gasps/" + broken).status()).isEqualTo(200);
        assertThat(projector.marks(broken)).isEqualTo(1);
        assertThat(parkedOf(broken)).isEmpty();
    }

    @Test
    void a_step_of_a_proposal_never_raised_is_parked_and_the_rest_of_the_batch_is_kept() {
        UUID before = UUID.randomUUID();
        UUID orphan = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        createGasp(before, "GASP d'avant l'orpheline");
        given.discuss(orphan, UUID.randomUUID(), null, ON);
        createGasp(after, "GASP d'après l'orpheline");
        given.awaitReadModel();

        assertThat(api.get("secretariat", "/api/gasps/" + before).status()).isEqualTo(200);
        assertThat(api.get("secretariat", "/api/gasps/" + after).status()).isEqualTo(200);
        List<JsonNode> parked = parkedOf(orphan);
        assertThat(parked).hasSize(1);
        assertThat(parked.get(0).get("eventType").asText()).isEqualTo("ProposalDiscussed");
        assertThat(parked.get(0).get("causeMessage").asText()).contains("has an event before being raised");
    }

    @Test
    void a_transient_failure_of_the_batchs_queued_writes_is_retried_and_never_parked() {
        retriedAndNeverParked(projector.timingOutInQueue, "GASP trop lent en file");
    }

    @Test
    void a_transient_failure_is_retried_by_the_processor_and_never_parked() {
        retriedAndNeverParked(projector.timingOut, "GASP trop lent");
    }

    /** A GASP whose events time out while in {@code timingOut}: the processor retries, never parks. */
    private void retriedAndNeverParked(Set<UUID> timingOut, String name) {
        UUID slow = UUID.randomUUID();
        timingOut.add(slow);
        try {
            createGasp(slow, name);
            await(() -> "DOWN".equals(readModelHealth().path("status").asText()),
                    "the read model's health to say DOWN while its processor retries");
            assertThat(parkedOf(slow)).isEmpty();
            assertThat(api.get("secretariat", "/api/gasps/" + slow).status()).isEqualTo(404);
        } finally {
            timingOut.remove(slow);
        }
        await(() -> api.get("secretariat", "/api/gasps/" + slow).status() == 200, "the GASP to be projected");
        await(() -> "UP".equals(readModelHealth().path("status").asText()), "the read model's health to be UP");
        assertThat(parkedOf(slow)).isEmpty();
        assertThat(projector.marks(slow)).isEqualTo(1);
    }

    @Test
    void only_admin_sees_and_retries_dead_letters_and_bad_input_is_a_problem() {
        for (String role : List.of("secretariat", "referent", "elected", "auditor")) {
            assertThat(api.get(role, "/api/admin/dead-letters").status()).as(role).isEqualTo(403);
            assertThat(api.post(role, "/api/admin/dead-letters/retry").status()).as(role).isEqualTo(403);
            assertThat(api.post(role, "/api/admin/dead-letters/" + UUID.randomUUID() + "/retry").status())
                    .as(role).isEqualTo(403);
        }
        assertThat(api.get(null, "/api/admin/dead-letters").status()).isEqualTo(401);
        assertThat(api.post(null, "/api/admin/dead-letters/retry").status()).isEqualTo(401);
        assertThat(api.get("admin", "/api/admin/dead-letters").status()).isEqualTo(200);

        for (String path : List.of("/api/admin/dead-letters?limit=0", "/api/admin/dead-letters?limit=1001",
                "/api/admin/dead-letters?limit=beaucoup")) {
            Answer answer = api.get("admin", path);
            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.contentType()).as(path).startsWith("application/problem+json");
        }
        Answer notAnId = api.post("admin", "/api/admin/dead-letters/pas-un-identifiant/retry");
        assertThat(notAnId.status()).isEqualTo(400);
        assertThat(notAnId.contentType()).startsWith("application/problem+json");
        Answer unknown = api.post("admin", "/api/admin/dead-letters/" + UUID.randomUUID() + "/retry");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.body().get("detail").asText()).contains("Aucun événement mis de côté");
    }

    @Test
    void the_dead_letter_count_is_in_health_and_prometheus() {
        UUID broken = UUID.randomUUID();
        projector.failing.add(broken);
        createGasp(broken, "GASP compté");
        given.awaitReadModel();
        long count = deadLetters.count();
        assertThat(count).isPositive();

        JsonNode health = readModelHealth();
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("details").get("deadLetters").asLong()).isEqualTo(count);
        assertThat(health.get("details").get("lagEvents").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(health.get("details").get("processor").asText()).isEqualTo("running");
        assertThat(prometheus()).contains("gasp_readmodel_dead_letters " + (double) count);

        projector.failing.remove(broken);
        retry("/api/admin/dead-letters/" + broken + "/retry");
        assertThat(prometheus()).contains("gasp_readmodel_dead_letters " + (double) deadLetters.count());
    }

    private void createGasp(UUID id, String name) {
        given.append("Gasp", id, new GaspCreated(id, name, List.of("Escaupont"), ON), SECRETARIAT);
    }

    private List<JsonNode> parkedOf(UUID aggregate) {
        JsonNode listing = adminRead("/api/admin/dead-letters?limit=1000");
        List<JsonNode> parked = new ArrayList<>();
        listing.get("deadLetters").forEach(letter -> {
            if (letter.get("sequenceIdentifier").asText().equals(aggregate.toString())) {
                parked.add(letter);
            }
        });
        return parked;
    }

    private JsonNode adminRead(String path) {
        Answer answer = api.get("admin", path);
        assertThat(answer.status()).as("GET " + path + ": " + answer.body()).isEqualTo(200);
        return answer.body();
    }

    private JsonNode retry(String path) {
        Answer answer = api.post("admin", path);
        assertThat(answer.status()).as("POST " + path + ": " + answer.body()).isEqualTo(200);
        return answer.body();
    }

    private JsonNode readModelHealth() {
        return api.get("admin", "/actuator/health").body().path("components").path("readModel");
    }

    private String prometheus() {
        RawHttp.Response response = RawHttp.get(port, "admin", "/actuator/prometheus");
        assertThat(response.status()).isEqualTo(200);
        return response.text();
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("Waited in vain for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
