package fr.gasp.query.common;

import com.zaxxer.hikari.HikariDataSource;
import fr.gasp.query.testing.QuerySideIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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

        Set<String> prepared = preparedOnAnyPooledConnection();

        assertThat(prepared).as("statements prepared by the read-model processor").isNotEmpty()
                .allMatch(name -> name.startsWith("gasp_rm_"));
        assertThat(api.read("/api/proposals/" + proposal).get("status").asText()).isEqualTo("DISCUSSED");
    }

    /** Every connection of the pool at once (so the processor's is among them), and what each prepared. */
    private Set<String> preparedOnAnyPooledConnection() throws SQLException {
        int size = dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
        List<Connection> borrowed = new ArrayList<>();
        Set<String> names = new HashSet<>();
        try {
            for (int i = 0; i < size; i++) {
                Connection connection = dataSource.getConnection();
                borrowed.add(connection);
                try (Statement read = connection.createStatement();
                     ResultSet rows = read.executeQuery("SELECT name FROM pg_prepared_statements WHERE name LIKE 'gasp_rm_%'")) {
                    while (rows.next()) {
                        names.add(rows.getString(1));
                    }
                }
            }
        } finally {
            for (Connection connection : borrowed) {
                connection.close();
            }
        }
        return names;
    }
}
