package fr.gasp.query.report;

import fr.gasp.query.common.PostgreSql;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The statements of a dashboard's or a report's figures, each run by one PostgreSQL process:
 * {@code SET LOCAL max_parallel_workers_per_gather = 0} on the statement's connection before it,
 * for the rest of its transaction (the figures' reads each run in a read-only one, see
 * {@link ProposalFacts}).
 *
 * <p>{@link FigureQueries} already runs a computation's longest reads side by side, two at most, so
 * that figures never take more than a bounded share of the machine. PostgreSQL's parallel query
 * defeated that: each read planned up to two workers of its own, and in the theme figures each
 * worker computed the themes as of the period's end again (a subplan that cannot be shared), three
 * times the work for the same answer. With 108,226 proposals in a GASP on two cores (issue 6), the
 * first dashboard after a change took 1,378 ms at the median with parallel workers and 941 with
 * this template; the annual report 680 and 601 ms (docs/adr/0029). On the embedded H2 there is
 * nothing to turn off.
 */
final class WithoutParallelWorkers extends JdbcTemplate {

    private volatile Boolean postgreSql;

    WithoutParallelWorkers(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void applyStatementSettings(Statement statement) throws SQLException {
        super.applyStatementSettings(statement);
        if (postgreSql == null) {
            postgreSql = PostgreSql.is(statement.getConnection());
        }
        if (postgreSql) {
            try (Statement setting = statement.getConnection().createStatement()) {
                setting.execute("SET LOCAL max_parallel_workers_per_gather = 0");
            }
        }
    }
}
