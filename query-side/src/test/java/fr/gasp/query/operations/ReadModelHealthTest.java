package fr.gasp.query.operations;

import com.fasterxml.jackson.databind.JsonNode;
import fr.gasp.platform.testing.TestDatabase;
import fr.gasp.query.testing.QueryApi.Answer;
import fr.gasp.query.testing.QuerySideIntegrationTest;
import fr.gasp.query.audit.AuditProcessor;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/health} tells the truth: UP with the read models running, DOWN (503) while
 * the database refuses connections, for the database and the read models alike, and UP again
 * once it is back, the read models then catching up. A pool that waits 2 s for a connection
 * (30 s by default) keeps each health call short here. A context of its own, closed after
 * the class: its database has been through an outage.
 */
@TestPropertySource(properties = {"spring.datasource.hikari.connection-timeout=2000",
        "spring.datasource.hikari.maximum-pool-size=4"})
@DirtiesContext
class ReadModelHealthTest extends QuerySideIntegrationTest {

    @Value("${spring.datasource.url}")
    private String url;

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private MeterRegistry metrics;

    @Test
    void health_is_down_while_the_database_is_unreachable_and_up_again_after() throws Exception {
        UUID before = given.gasp("GASP d'avant la panne", LocalDate.of(2021, 1, 1), "Escaupont");
        given.awaitReadModel();

        Answer anonymous = api.get(null, "/actuator/health");
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.body().get("status").asText()).isEqualTo("UP");
        assertThat(anonymous.body().has("components")).as("details are for ADMIN only").isFalse();
        JsonNode up = await(() -> api.get("admin", "/actuator/health").body().get("components"),
                components -> components.get("readModel").get("details").get("lagEvents").asLong() == 0,
                "the stored positions of every read-model segment to reach the last event");
        assertThat(up.get("db").get("status").asText()).isEqualTo("UP");
        assertThat(up.get("readModel").get("status").asText()).isEqualTo("UP");
        assertThat(up.get("readModel").get("details").get("processor").asText()).isEqualTo("running");
        assertThat(up.get("readModel").get("details").get("segments").asInt()).isEqualTo(2);
        assertThat(up.get("readModel").get("details").get("segmentsClaimed").asInt()).as("both claimed by this node")
                .isEqualTo(2);
        assertThat(up.get("readModel").get("details").get("lagEvents").asLong()).isZero();
        assertThat(up.get("readModel").get("details").get("deadLetters").asLong()).isZero();
        assertThat(up.get("audit").get("status").asText()).isEqualTo("UP");
        assertThat(up.get("audit").get("details").get("processor").asText()).isEqualTo("running");
        assertThat(up.get("audit").get("details").get("lagEvents").asLong()).isZero();

        refuseConnections(true);
        try {
            Answer down = await(() -> api.get(null, "/actuator/health"), answer -> answer.status() == 503,
                    "the health to say the database is unreachable");
            assertThat(down.body().get("status").asText()).isEqualTo("DOWN");
            JsonNode components = api.get("admin", "/actuator/health").body().get("components");
            assertThat(components.get("db").get("status").asText()).isEqualTo("DOWN");
            assertThat(components.get("readModel").get("status").asText()).isEqualTo("DOWN");
            assertThat(components.get("audit").get("status").asText()).isEqualTo("DOWN");
        } finally {
            refuseConnections(false);
        }

        await(() -> api.get(null, "/actuator/health"), answer -> answer.status() == 200, "the health to be UP again");
        UUID after = given.gasp("GASP d'après la panne", LocalDate.of(2021, 1, 2), "Escaupont");
        given.awaitReadModel();
        assertThat(api.get("secretariat", "/api/gasps/" + before).status()).isEqualTo(200);
        assertThat(api.get("secretariat", "/api/gasps/" + after).status()).isEqualTo(200);
        JsonNode readModel = api.get("admin", "/actuator/health").body().get("components").get("readModel");
        assertThat(readModel.get("status").asText()).isEqualTo("UP");
        assertThat(readModel.get("details").get("deadLetters").asLong()).as("nothing parked by the outage").isZero();
        assertThat(api.get("admin", "/actuator/health").body().get("components").get("audit").get("status").asText())
                .isEqualTo("UP");
    }

    @Test
    void a_stopped_audit_chain_is_out_of_service_and_its_lag_counted_in_health_and_metrics() {
        StreamingEventProcessor audit = processing.eventProcessor(AuditProcessor.PROCESSING_GROUP,
                StreamingEventProcessor.class).orElseThrow();
        audit.shutDown();
        try {
            given.gasp("GASP pendant l'arrêt de l'audit", LocalDate.of(2021, 2, 1), "Escaupont");

            Answer health = api.get("admin", "/actuator/health");
            assertThat(health.status()).isEqualTo(503);
            JsonNode auditHealth = health.body().get("components").get("audit");
            assertThat(auditHealth.get("status").asText()).isEqualTo("OUT_OF_SERVICE");
            assertThat(auditHealth.get("details").get("processor").asText()).isEqualTo("stopped");
            assertThat(auditHealth.get("details").get("lagEvents").asLong()).isGreaterThanOrEqualTo(1);
            assertThat(health.body().get("components").get("readModel").get("status").asText()).isEqualTo("UP");
            assertThat(metrics.get("gasp.audit.lag.events").gauge().value()).isGreaterThanOrEqualTo(1);
        } finally {
            audit.start();
        }
        given.awaitReadModel();
        assertThat(api.get("admin", "/actuator/health").body().get("components").get("audit").get("status").asText())
                .isEqualTo("UP");
        assertThat(metrics.get("gasp.audit.lag.events").gauge().value()).isZero();
        assertThat(await(() -> metrics.get("gasp.readmodel.lag.events").gauge().value(), lag -> lag == 0,
                "the stored positions of every read-model segment to reach the last event")).isZero();
    }

    /** The test database refuses (or accepts again) new connections, and loses those it had. */
    private void refuseConnections(boolean refuse) throws SQLException {
        String database = url.substring(url.lastIndexOf('/') + 1);
        try (Connection server = TestDatabase.connect(url.substring(0, url.lastIndexOf('/') + 1) + "postgres");
             Statement statement = server.createStatement()) {
            statement.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS " + !refuse);
            if (refuse) {
                try (PreparedStatement terminate = server.prepareStatement(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ?")) {
                    terminate.setString(1, database);
                    terminate.execute();
                }
            }
        }
    }

    /**
     * Also for the read models' lag, which counts from the stored positions: a segment given none
     * of the last events stores its position only once it has waited a while in vain for one of
     * its own (Axon's event availability timeout, 1 s), so it may show a few events behind
     * meanwhile.
     */
    private static <T> T await(Supplier<T> probe, java.util.function.Predicate<T> until, String what) {
        long deadline = System.currentTimeMillis() + 90_000;
        while (true) {
            T value = probe.get();
            if (until.test(value)) {
                return value;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("Waited in vain for " + what + "; last: " + value);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
