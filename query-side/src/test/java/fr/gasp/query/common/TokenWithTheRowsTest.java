package fr.gasp.query.common;

import fr.gasp.query.testing.PreparedByTheProcessor;
import fr.gasp.query.testing.QuerySideIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read-model processor's position goes to the database with the rows of its batch, and
 * only while this node owns it.
 */
@DirtiesContext
class TokenWithTheRowsTest extends QuerySideIntegrationTest {

    @Autowired
    private DataSource dataSource;

    @Autowired
    private JdbcClient jdbc;

    @Test
    void the_position_is_sent_with_the_rows_as_a_prepared_call() throws SQLException {
        UUID gasp = given.gasp("GASP au jeton groupé", LocalDate.of(2019, 1, 1), "Onnaing");
        given.awaitReadModel();

        assertThat(PreparedByTheProcessor.on(dataSource).values()).as("statements the read-model processor prepared")
                .anyMatch(sql -> sql.contains("UPDATE token_entry SET token = $1"));
        assertThat(rowsOf(gasp)).isEqualTo(1);
    }

    @Test
    void a_batch_whose_position_another_node_took_writes_nothing_until_it_is_given_back() throws Exception {
        given.awaitReadModel();
        jdbc.sql("UPDATE token_entry SET owner = 'autre-noeud', time_stamp = ? WHERE processor_name = ?")
                .params(Instant.now().plus(Duration.ofHours(1)).toString(), ReadModel.PROCESSING_GROUP).update();

        UUID gasp = given.gasp("GASP d'un autre nœud", LocalDate.of(2019, 2, 1), "Quiévrechain");
        Thread.sleep(1_500);

        assertThat(rowsOf(gasp)).as("rows written by a batch whose position belongs to another node").isZero();
        assertThat(jdbc.sql("SELECT owner FROM token_entry WHERE processor_name = ?")
                .param(ReadModel.PROCESSING_GROUP).query(String.class).list())
                .as("every segment's owner").hasSize(ReadModel.SEGMENTS).containsOnly("autre-noeud");

        jdbc.sql("UPDATE token_entry SET owner = NULL WHERE processor_name = ?")
                .param(ReadModel.PROCESSING_GROUP).update();
        given.awaitReadModel();

        assertThat(rowsOf(gasp)).as("rows once the position is this node's again").isEqualTo(1);
    }

    private int rowsOf(UUID gasp) {
        return jdbc.sql("SELECT count(*) FROM gasp_view WHERE gasp_id = ?").param(gasp).query(Integer.class).single();
    }
}
