package fr.gasp.query.report;

import fr.gasp.platform.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** The figures' statements are planned without parallel workers, for their transaction only (PostgreSQL). */
class WithoutParallelWorkersTest {

    private static final String SETTING = "SHOW max_parallel_workers_per_gather";

    @Test
    void a_figure_statement_turns_parallel_workers_off_until_its_transaction_ends() throws SQLException {
        SingleConnectionDataSource dataSource =
                new SingleConnectionDataSource(TestDatabase.connect(TestDatabase.create()), true);
        try {
            JdbcTemplate plain = new JdbcTemplate(dataSource);
            JdbcTemplate figures = new WithoutParallelWorkers(dataSource);
            TransactionTemplate readOnly = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            readOnly.setReadOnly(true);
            String serverDefault = plain.queryForObject(SETTING, String.class);
            assertThat(serverDefault).as("this test needs a server that plans parallel workers").isNotEqualTo("0");

            readOnly.executeWithoutResult(status -> {
                assertThat(plain.queryForObject(SETTING, String.class)).as("before any figure").isEqualTo(serverDefault);
                assertThat(figures.queryForObject(SETTING, String.class)).isEqualTo("0");
                assertThat(plain.queryForObject(SETTING, String.class)).as("the rest of the transaction").isEqualTo("0");
            });

            readOnly.executeWithoutResult(status ->
                    assertThat(plain.queryForObject(SETTING, String.class)).as("the next transaction, same connection")
                            .isEqualTo(serverDefault));
        } finally {
            dataSource.destroy();
        }
    }
}
