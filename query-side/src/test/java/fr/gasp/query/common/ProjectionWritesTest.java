package fr.gasp.query.common;

import fr.gasp.query.testing.PreparedByTheProcessor;
import fr.gasp.query.testing.QuerySideIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import static fr.gasp.events.organisation.GroupKind.AGENTS;
import static org.assertj.core.api.Assertions.assertThat;

/** The read-model processor's statements are prepared on its connection and called by name. */
class ProjectionWritesTest extends QuerySideIntegrationTest {

    @Autowired
    private DataSource dataSource;

    @Test
    void the_processor_calls_its_statements_prepared_once_on_its_connection() throws SQLException {
        UUID gasp = given.gasp("GASP préparé", LocalDate.of(2019, 1, 1), "Escaupont");
        UUID group = given.group(gasp, AGENTS, "Agents préparés", LocalDate.of(2019, 1, 2));
        UUID proposal = given.raise(gasp, group, null, "Proposition préparée", LocalDate.of(2019, 1, 10));
        given.discuss(proposal, group, null, LocalDate.of(2019, 1, 11));
        given.awaitReadModel();

        Set<String> prepared = PreparedByTheProcessor.on(dataSource).keySet();

        assertThat(prepared).as("statements prepared by the read-model processor").isNotEmpty()
                .allMatch(name -> name.startsWith("gasp_rm_"));
        assertThat(api.read("/api/proposals/" + proposal).get("status").asText()).isEqualTo("DISCUSSED");
    }
}
