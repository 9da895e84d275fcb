package fr.gasp.platform.problem;

import org.axonframework.common.jdbc.JdbcException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** A request that meets the database out of reach is told to try again (503), not that the service broke (500). */
class DatabaseOutageAnswerTest {

    private final ProblemResponses responses = new ProblemResponses();

    @Test
    void a_connection_closed_under_axon_is_a_503_with_retry_after() {
        ResponseEntity<Object> answer = responses.unexpected(new JdbcException("Failed to create a SQL statement",
                new SQLException("This connection has been closed.", "08003")));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(((ProblemDetail) answer.getBody()).getTitle()).isEqualTo("Service momentanément indisponible");
    }

    @Test
    void a_statement_on_a_connection_the_pool_has_closed_is_a_503() {
        ResponseEntity<Object> answer = responses.unexpected(new JdbcException("Failed to create a SQL statement",
                new SQLException("Connection is closed")));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
    }

    @Test
    void no_connection_to_be_had_is_a_503() {
        ResponseEntity<Object> answer = responses.unexpected(
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", new SQLException("timeout")));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
    }

    @Test
    void a_statement_that_is_wrong_stays_a_500() {
        ResponseEntity<Object> answer = responses.unexpected(new JdbcException("Failed",
                new SQLException("column \"nope\" does not exist", "42703")));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(((ProblemDetail) answer.getBody()).getTitle()).isEqualTo("Erreur interne");
    }
}
