package fr.gasp.query.common;

import fr.gasp.platform.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Statements prepared once per connection and called with their parameters as literals write
 * exactly what bound parameters would, whatever the text holds; a statement that cannot be
 * prepared is left to the plain way without spoiling the transaction; a session that lost
 * its prepared statements says so, and they are prepared again.
 */
class PreparedCallsTest {

    private static final String INSERT = "INSERT INTO sample (id, day, label, amount, flag, at, kind) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?)";

    private Connection connection;
    private final PreparedCalls calls = new PreparedCalls();

    enum Kind { VALIDATED }

    @BeforeEach
    void connect() throws SQLException {
        connection = TestDatabase.connect(TestDatabase.create());
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE sample (id UUID PRIMARY KEY, day DATE, label VARCHAR(200), amount BIGINT, "
                    + "flag BOOLEAN, at TIMESTAMP WITH TIME ZONE, kind VARCHAR(20))");
        }
        connection.setAutoCommit(false);
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void placeholders_are_numbered_outside_quotes_and_comments() {
        assertThat(PreparedCalls.numberedParameters(
                "SELECT ?, '?', \"a?\", 'it''s ?' -- why?\n, ? /* ? */ FROM t WHERE x = ?"))
                .isEqualTo("SELECT $1, '?', \"a?\", 'it''s ?' -- why?\n, $2 /* ? */ FROM t WHERE x = $3");
    }

    @Test
    void a_call_writes_what_bound_parameters_would_even_texts_full_of_sql() throws SQLException {
        UUID id = UUID.randomUUID();
        String text = "l'été; DROP TABLE sample; -- \\ \"?\" $1 \n\t€ 😀";
        OffsetDateTime at = OffsetDateTime.of(2024, 3, 1, 10, 15, 30, 123_456_000, ZoneOffset.ofHours(2));
        List<Object> parameters = Arrays.asList(id, LocalDate.of(2024, 2, 29), text, 9_000_000_000L, true, at,
                Kind.VALIDATED);

        assertThat(calls.ready(connection, INSERT, parameters)).isTrue();
        execute(call(INSERT, parameters));

        try (Statement read = connection.createStatement();
             ResultSet row = read.executeQuery("SELECT * FROM sample WHERE id = '" + id + "'")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getObject("day", LocalDate.class)).isEqualTo(LocalDate.of(2024, 2, 29));
            assertThat(row.getString("label")).isEqualTo(text);
            assertThat(row.getLong("amount")).isEqualTo(9_000_000_000L);
            assertThat(row.getBoolean("flag")).isTrue();
            assertThat(row.getObject("at", OffsetDateTime.class).toInstant()).isEqualTo(at.toInstant());
            assertThat(row.getString("kind")).isEqualTo("VALIDATED");
        }
        assertThat(countOf("sample")).isEqualTo(1);
    }

    @Test
    void bytes_are_written_as_bound_bytes_would_be() throws SQLException {
        execute("CREATE TABLE stored_bytes (id UUID PRIMARY KEY, data BYTEA)");
        byte[] everyByte = new byte[256];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) i;
        }
        String insert = "INSERT INTO stored_bytes (id, data) VALUES (?, ?)";
        UUID id = UUID.randomUUID();

        assertThat(calls.ready(connection, insert, List.of(id, everyByte))).isTrue();
        execute(call(insert, List.of(id, everyByte)));

        try (Statement read = connection.createStatement();
             ResultSet row = read.executeQuery("SELECT data FROM stored_bytes WHERE id = '" + id + "'")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getBytes("data")).isEqualTo(everyByte);
        }
    }

    @Test
    void a_statement_is_prepared_once_per_connection_and_nulls_are_written_as_such() throws SQLException {
        for (int i = 0; i < 3; i++) {
            List<Object> parameters = new ArrayList<>(Arrays.asList(UUID.randomUUID(), null, null, null, null, null, null));
            assertThat(calls.ready(connection, INSERT, parameters)).isTrue();
            execute(call(INSERT, parameters));
        }
        assertThat(preparedHere()).hasSize(1);
        assertThat(countOf("sample WHERE label IS NULL AND day IS NULL")).isEqualTo(3);
    }

    @Test
    void a_statement_postgresql_cannot_prepare_goes_the_plain_way_and_the_transaction_goes_on() throws SQLException {
        String untyped = "INSERT INTO sample (id, label) SELECT ?, ? WHERE ? IS NULL";

        assertThat(calls.ready(connection, untyped, Arrays.asList(UUID.randomUUID(), "x", null))).isFalse();
        assertThat(calls.ready(connection, INSERT, Arrays.asList(UUID.randomUUID(), null, "après", null, null, null,
                null))).isTrue();
        assertThat(calls.ready(connection, INSERT, Arrays.asList(UUID.randomUUID(), null, 1.5d, null, null, null,
                null))).as("a parameter of a type not written as a literal").isFalse();
        execute(call(INSERT, Arrays.asList(UUID.randomUUID(), null, "après", null, null, null, null)));
        assertThat(countOf("sample WHERE label = 'après'")).isEqualTo(1);
    }

    @Test
    void a_session_that_lost_its_prepared_statements_says_so_and_they_are_prepared_again() throws SQLException {
        List<Object> parameters = Arrays.asList(UUID.randomUUID(), null, "avant", null, null, null, null);
        assertThat(calls.ready(connection, INSERT, parameters)).isTrue();
        connection.commit();
        execute("DEALLOCATE ALL");

        assertThatThrownBy(() -> execute(call(INSERT, parameters)))
                .isInstanceOfSatisfying(SQLException.class, lost ->
                        assertThat(lost.getSQLState()).isEqualTo(PreparedCalls.UNKNOWN_PREPARED_STATEMENT));
        connection.rollback();
        calls.forget(connection);

        assertThat(calls.ready(connection, INSERT, parameters)).isTrue();
        execute(call(INSERT, parameters));
        assertThat(countOf("sample WHERE label = 'avant'")).isEqualTo(1);
    }

    private String call(String sql, List<Object> parameters) throws SQLException {
        StringBuilder call = new StringBuilder();
        calls.appendCall(call, connection, sql, parameters);
        return call.toString();
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setEscapeProcessing(false);
            statement.execute(sql);
        }
    }

    private long countOf(String from) throws SQLException {
        try (Statement read = connection.createStatement(); ResultSet count = read.executeQuery("SELECT count(*) FROM " + from)) {
            count.next();
            return count.getLong(1);
        }
    }

    private List<String> preparedHere() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement read = connection.createStatement();
             ResultSet rows = read.executeQuery("SELECT name FROM pg_prepared_statements WHERE name LIKE 'gasp_rm_%'")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
