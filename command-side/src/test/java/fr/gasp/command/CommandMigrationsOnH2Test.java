package fr.gasp.command;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default (H2) migrates with the locations the command side is configured with,
 * its vendor's folder included (db/shared-h2): the other tests that migrate run on
 * PostgreSQL, and a migration only H2 runs would otherwise be tried first by a newcomer's
 * {@code ./run.sh}.
 */
class CommandMigrationsOnH2Test {

    @Test
    void the_command_side_migrations_run_on_h2_with_its_own_folder() throws Exception {
        String url = "jdbc:h2:mem:command-migrations;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
        String[] locations = configured("spring.flyway.locations").replace("{vendor}", "h2").split(",");

        var result = Flyway.configure().dataSource(url, "sa", "").locations(locations)
                .table(configured("spring.flyway.table")).load().migrate();

        assertThat(result.targetSchemaVersion).isEqualTo("14");
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            assertThat(indexes(connection, "domain_event_entry")).isNotEmpty();
        }
    }

    private static String configured(String key) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = CommandMigrationsOnH2Test.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        return properties.getProperty(key);
    }

    private static List<String> indexes(Connection connection, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rows = connection.getMetaData().getIndexInfo(null, null, table, false, false)) {
            while (rows.next()) {
                names.add(rows.getString("INDEX_NAME"));
            }
        }
        return names;
    }
}
