package fr.gasp.query.common;

import fr.gasp.platform.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration V11 (docs/adr/0021): the position of a deployment whose read models were kept by
 * one segment is given to the second segment too, on PostgreSQL as the app migrates it.
 */
class ReadModelSegmentsMigrationTest {

    private static final String POSITION = "{\"index\":41,\"gaps\":[39]}";
    private static final String TOKEN_TYPE = "org.axonframework.eventhandling.GapAwareTrackingToken";

    @Test
    void a_single_stored_position_becomes_the_position_of_both_segments() throws SQLException {
        String url = migratedUpTo("10");
        try (Connection connection = TestDatabase.connect(url)) {
            insertToken(connection, "read-model", 0, POSITION, "noeud-arrete");
            insertToken(connection, "audit", 0, "{\"index\":40,\"gaps\":[]}", "noeud-arrete");
        }

        migrate(url, null);

        try (Connection connection = TestDatabase.connect(url)) {
            assertThat(tokens(connection)).containsExactly(
                    "audit|0|{\"index\":40,\"gaps\":[]}|noeud-arrete",
                    "read-model|0|" + POSITION + "|noeud-arrete",
                    "read-model|1|" + POSITION + "|null");
        }
    }

    @Test
    void a_new_deployment_and_one_already_in_segments_are_left_as_they_are() throws SQLException {
        String fresh = migratedUpTo("10");
        migrate(fresh, null);
        try (Connection connection = TestDatabase.connect(fresh)) {
            assertThat(tokens(connection)).as("no position yet: the processor makes its two segments").isEmpty();
        }

        String split = migratedUpTo("10");
        try (Connection connection = TestDatabase.connect(split)) {
            insertToken(connection, "read-model", 0, POSITION, null);
            insertToken(connection, "read-model", 1, "{\"index\":43,\"gaps\":[]}", null);
        }
        migrate(split, null);
        try (Connection connection = TestDatabase.connect(split)) {
            assertThat(tokens(connection)).containsExactly(
                    "read-model|0|" + POSITION + "|null",
                    "read-model|1|{\"index\":43,\"gaps\":[]}|null");
        }
    }

    private static String migratedUpTo(String version) throws SQLException {
        String url = TestDatabase.create();
        TestDatabase.migrateCommandOwnedTables(url);
        migrate(url, version);
        return url;
    }

    /** As the app migrates (application.properties), up to {@code target} or to the last version. */
    private static void migrate(String url, String target) throws SQLException {
        try (Connection connection = TestDatabase.connect(url)) {
            var configuration = Flyway.configure()
                    .dataSource(new SingleConnectionDataSource(connection, true))
                    .locations("classpath:db/query", "classpath:db/query-postgresql")
                    .table("flyway_query_history")
                    .baselineOnMigrate(true)
                    .baselineVersion("0");
            if (target != null) {
                configuration.target(MigrationVersion.fromVersion(target));
            }
            configuration.load().migrate();
        }
    }

    private static void insertToken(Connection connection, String processor, int segment, String token, String owner)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO token_entry (processor_name, segment, token, token_type, time_stamp, owner)
                VALUES (?, ?, ?, ?, '2026-11-23T08:00:00Z', ?)""")) {
            insert.setString(1, processor);
            insert.setInt(2, segment);
            insert.setBytes(3, token.getBytes(StandardCharsets.UTF_8));
            insert.setString(4, TOKEN_TYPE);
            insert.setString(5, owner);
            insert.executeUpdate();
        }
    }

    private static List<String> tokens(Connection connection) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT processor_name, segment, token, token_type, time_stamp, owner FROM token_entry
                ORDER BY processor_name, segment""");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                assertThat(row.getString("token_type")).isEqualTo(TOKEN_TYPE);
                assertThat(row.getString("time_stamp")).isEqualTo("2026-11-23T08:00:00Z");
                rows.add(row.getString("processor_name") + "|" + row.getInt("segment") + "|"
                        + new String(row.getBytes("token"), StandardCharsets.UTF_8) + "|" + row.getString("owner"));
            }
        }
        return rows;
    }
}
