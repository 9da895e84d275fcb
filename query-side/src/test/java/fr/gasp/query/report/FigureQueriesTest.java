package fr.gasp.query.report;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A query started on the figures' threads answers, or fails, as if it had run on the caller's. */
class FigureQueriesTest {

    private final FigureQueries queries = new FigureQueries();

    @AfterEach
    void stop() {
        queries.stop();
    }

    @Test
    void the_answer_comes_from_another_thread() {
        String caller = Thread.currentThread().getName();

        assertThat(FigureQueries.answer(queries.start(() -> Thread.currentThread().getName())))
                .startsWith("figures-").isNotEqualTo(caller);
    }

    @Test
    void a_failure_reaches_the_caller_as_it_was_thrown_not_wrapped() {
        DataAccessResourceFailureException down = new DataAccessResourceFailureException("base injoignable");

        assertThatThrownBy(() -> FigureQueries.answer(queries.start(() -> {
            throw down;
        }))).isSameAs(down);
    }
}
