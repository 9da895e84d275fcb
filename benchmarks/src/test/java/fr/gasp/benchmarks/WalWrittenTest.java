package fr.gasp.benchmarks;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The write-ahead log read on the real PostgreSQL server, as a benchmark run reads it. */
class WalWrittenTest {

    @Test
    void counts_the_bytes_a_server_logged_for_what_was_written_between_two_readings() throws Exception {
        try (BenchDatabase database = BenchDatabase.create("jdbc:postgresql://127.0.0.1:5432/", "postgres", "")) {
            try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE logged (id INT PRIMARY KEY, body VARCHAR NOT NULL)");
            }
            Optional<String> before = WalWritten.position(database);
            try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
                // 2,000 rows of 1,000 characters that do not compress: at least 2 MB logged.
                statement.execute("INSERT INTO logged SELECT i, (SELECT string_agg(md5(i::text || '-' || j), '') "
                        + "FROM generate_series(1, 32) j) FROM generate_series(1, 2000) i");
            }
            Optional<String> after = WalWritten.position(database);

            Optional<Long> logged = WalWritten.between(database, before, after);

            assertThat(logged).hasValueSatisfying(bytes -> assertThat(bytes).isBetween(2_000_000L, 20_000_000L));
            assertThat(WalWritten.between(database, after, after)).contains(0L);
        }
    }

    @Test
    void tells_the_bytes_per_command_or_that_they_are_not_known() {
        assertThat(WalWritten.perCommand(Optional.of(4_210_000L), 1_000))
                .isEqualTo("4,210 bytes of PostgreSQL's write-ahead log per command");
        assertThat(WalWritten.perCommand(Optional.empty(), 1_000))
                .isEqualTo("PostgreSQL's write-ahead log position not readable");
        assertThat(WalWritten.perCommand(Optional.of(5L), 0))
                .isEqualTo("PostgreSQL's write-ahead log position not readable");
    }
}
