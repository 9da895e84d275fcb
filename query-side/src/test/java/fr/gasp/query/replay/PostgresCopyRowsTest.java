package fr.gasp.query.replay;

import fr.gasp.platform.testing.TestDatabase;
import fr.gasp.query.common.RebuiltTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rebuild's binary COPY, on the real PostgreSQL: each column type a read model uses, read back as written. */
class PostgresCopyRowsTest {

    private static final RebuiltTable EVERY_TYPE = RebuiltTable.of("every_type", "id", "big", "whole", "small", "flag",
            "day", "at", "label", "note", "raw");

    private Connection connection;

    @BeforeEach
    void database() throws SQLException {
        connection = TestDatabase.connect(TestDatabase.create());
        connection.setAutoCommit(false);
        execute("""
                CREATE TABLE every_type (id UUID NOT NULL, big BIGINT, whole INTEGER, small SMALLINT, flag BOOLEAN,
                    day DATE, at TIMESTAMP WITH TIME ZONE, label VARCHAR(40), note VARCHAR, raw BYTEA,
                    text_form TIMESTAMP WITH TIME ZONE)""");
    }

    @AfterEach
    void close() throws SQLException {
        connection.rollback();
        connection.close();
    }

    @Test
    void every_type_reads_back_as_written_and_nulls_stay_null() throws SQLException {
        UUID full = UUID.randomUUID();
        UUID empty = UUID.randomUUID();
        OffsetDateTime at = OffsetDateTime.of(2024, 5, 2, 10, 15, 30, 123_456_000, ZoneOffset.ofHours(2));
        String note = "Élu·e — « avis » \t tabulation, \n ligne, \\ barre, \r retour, 🏛";
        try (PostgresCopyRows rows = copyRows()) {
            rows.add(EVERY_TYPE, full, Long.MIN_VALUE, Integer.MAX_VALUE, (short) -7, true,
                    LocalDate.of(1999, 12, 31), at, "Conseil municipal", note, new byte[] {0, -1, 42});
            rows.add(EVERY_TYPE, empty, 3, 4L, 5, false, LocalDate.of(2024, 2, 29), at.toInstant(), null, null, null);
        }

        try (PreparedStatement read = connection.prepareStatement("SELECT * FROM every_type WHERE id = ?")) {
            read.setObject(1, full);
            try (ResultSet row = read.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getLong("big")).isEqualTo(Long.MIN_VALUE);
                assertThat(row.getInt("whole")).isEqualTo(Integer.MAX_VALUE);
                assertThat(row.getShort("small")).isEqualTo((short) -7);
                assertThat(row.getBoolean("flag")).isTrue();
                assertThat(row.getObject("day", LocalDate.class)).isEqualTo(LocalDate.of(1999, 12, 31));
                assertThat(row.getObject("at", OffsetDateTime.class).toInstant()).isEqualTo(at.toInstant());
                assertThat(row.getString("label")).isEqualTo("Conseil municipal");
                assertThat(row.getString("note")).isEqualTo(note);
                assertThat(row.getBytes("raw")).containsExactly(0, -1, 42);
            }
            read.setObject(1, empty);
            try (ResultSet row = read.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getLong("big")).isEqualTo(3);
                assertThat(row.getInt("whole")).isEqualTo(4);
                assertThat(row.getShort("small")).isEqualTo((short) 5);
                assertThat(row.getBoolean("flag")).isFalse();
                assertThat(row.getObject("day", LocalDate.class)).isEqualTo(LocalDate.of(2024, 2, 29));
                assertThat(row.getObject("label")).isNull();
                assertThat(row.getObject("note")).isNull();
                assertThat(row.getObject("raw")).isNull();
            }
        }
    }

    /** The text format left the rounding to PostgreSQL: nanoseconds to microseconds, half to even. */
    @Test
    void times_are_rounded_to_the_microsecond_as_postgresql_rounds_their_text() throws SQLException {
        List<Instant> instants = List.of(Instant.parse("2024-05-02T10:15:30.123456500Z"),
                Instant.parse("2024-05-02T10:15:30.123457500Z"), Instant.parse("2024-05-02T10:15:30.123456501Z"),
                Instant.parse("2024-05-02T10:15:30.999999999Z"), Instant.parse("1969-07-20T20:17:40.000000499Z"),
                Instant.parse("2000-01-01T00:00:00Z"));
        try (PostgresCopyRows rows = copyRows()) {
            for (Instant instant : instants) {
                rows.add(EVERY_TYPE, UUID.randomUUID(), null, null, null, null, null, instant, instant.toString(),
                        null, null);
            }
        }
        execute("UPDATE every_type SET text_form = label::timestamptz");

        try (Statement statement = connection.createStatement();
             ResultSet differ = statement.executeQuery("SELECT count(*) FROM every_type WHERE at IS DISTINCT FROM text_form")) {
            differ.next();
            assertThat(differ.getLong(1)).isZero();
        }
        assertThat(BinaryColumn.microsSincePostgresEpoch(instants.get(0)) % 1_000_000).isEqualTo(123_456);
        assertThat(BinaryColumn.microsSincePostgresEpoch(instants.get(1)) % 1_000_000).isEqualTo(123_458);
    }

    @Test
    void rows_beyond_one_buffer_are_all_copied_in_order() throws SQLException {
        String note = "x".repeat(300);
        int count = 20_000;
        try (PostgresCopyRows rows = copyRows()) {
            for (int index = 0; index < count; index++) {
                rows.add(EVERY_TYPE, UUID.randomUUID(), (long) index, null, null, null, null, null, null, note, null);
            }
        }

        try (Statement statement = connection.createStatement();
             ResultSet copied = statement.executeQuery("SELECT count(*), count(DISTINCT big), min(big), max(big), "
                     + "bool_and(note = repeat('x', 300)) FROM every_type")) {
            copied.next();
            assertThat(copied.getLong(1)).isEqualTo(count);
            assertThat(copied.getLong(2)).isEqualTo(count);
            assertThat(copied.getLong(3)).isZero();
            assertThat(copied.getLong(4)).isEqualTo(count - 1);
            assertThat(copied.getBoolean(5)).isTrue();
        }
    }

    @Test
    void a_column_type_it_does_not_write_is_refused_before_any_row() throws SQLException {
        execute("CREATE TABLE priced (id UUID NOT NULL, amount NUMERIC(10, 2))");
        RebuiltTable priced = RebuiltTable.of("priced", "id", "amount");

        assertThatThrownBy(() -> new PostgresCopyRows(connection, List.of(priced), RebuiltTable::name))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("priced.amount")
                .hasMessageContaining("numeric(10,2)");
    }

    @Test
    void a_value_that_does_not_fit_its_column_names_the_column_and_leaves_the_other_rows_alone() throws SQLException {
        UUID kept = UUID.randomUUID();
        try (PostgresCopyRows rows = copyRows()) {
            rows.add(EVERY_TYPE, kept, 1L, null, null, null, null, null, null, null, null);
            assertThatThrownBy(() -> rows.add(EVERY_TYPE, UUID.randomUUID(), null, null, null, null, "2024-05-02",
                    null, null, null, null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("every_type.day");
            assertThatThrownBy(() -> rows.add(EVERY_TYPE, UUID.randomUUID(), null, 1L << 40, null, null, null,
                    null, null, null, null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("every_type.whole");
            assertThatThrownBy(() -> rows.add(EVERY_TYPE, UUID.randomUUID(), 1L))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("2 values for the 10 columns of every_type");
        }

        try (Statement statement = connection.createStatement();
             ResultSet copied = statement.executeQuery("SELECT id FROM every_type")) {
            assertThat(copied.next()).isTrue();
            assertThat(copied.getObject(1, UUID.class)).isEqualTo(kept);
            assertThat(copied.next()).isFalse();
        }
    }

    private PostgresCopyRows copyRows() throws SQLException {
        return new PostgresCopyRows(connection, List.of(EVERY_TYPE), RebuiltTable::name);
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
