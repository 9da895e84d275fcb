package fr.gasp.platform.testing;

import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fresh database on the real PostgreSQL server for each test context, so tests never see
 * each other's events and a run never depends on what an earlier one left. Each database is
 * dropped when the test JVM ends; databases left by a JVM that died are dropped by the next.
 * The server is 127.0.0.1:5432 as user postgres unless GASP_TEST_POSTGRES_URL / _USER say otherwise.
 */
public final class TestDatabase {

    private static final String SERVER = env("GASP_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = env("GASP_TEST_POSTGRES_USER", "postgres");
    private static final String PASSWORD = env("GASP_TEST_POSTGRES_PASSWORD", "");
    private static final String PREFIX = "gasp_test_";
    private static final long PID = ProcessHandle.current().pid();
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final List<String> CREATED = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropCreated, "drop-test-databases"));
    }

    private TestDatabase() {
    }

    /** Creates an empty database and answers its JDBC URL. */
    public static synchronized String create() {
        String name = PREFIX + PID + "_" + COUNTER.incrementAndGet();
        try (Connection connection = maintenanceConnection(); Statement statement = connection.createStatement()) {
            dropLeftovers(statement);
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name + " on " + SERVER
                    + " (is PostgreSQL running?)", e);
        }
        CREATED.add(name);
        return SERVER + name;
    }

    /**
     * The tables the command side owns and the query side reads (event store, member registry),
     * as the command side creates them, for query-side tests that have no command side.
     */
    public static void migrateCommandOwnedTables(String url) {
        Flyway.configure().dataSource(url, USER, PASSWORD)
                .locations("classpath:db/shared")
                .table("flyway_command_history")
                .load()
                .migrate();
    }

    /** A plain JDBC connection to a test database, for tests that look at what was stored. */
    public static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, USER, PASSWORD);
    }

    /** The Spring properties that point an app at the database, with the demo accounts on. */
    public static Map<String, Object> springProperties(String url) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", url);
        properties.put("spring.datasource.username", USER);
        properties.put("spring.datasource.password", PASSWORD);
        properties.put("gasp.demo-users", "true");
        return properties;
    }

    private static void dropLeftovers(Statement statement) throws SQLException {
        List<String> leftovers = new ArrayList<>();
        try (ResultSet names = statement.executeQuery(
                "SELECT datname FROM pg_database WHERE datname LIKE 'gasp\\_test\\_%'")) {
            while (names.next()) {
                leftovers.add(names.getString(1));
            }
        }
        for (String name : leftovers) {
            String[] parts = name.substring(PREFIX.length()).split("_");
            boolean ownerAlive = parts.length == 2 && parts[0].chars().allMatch(Character::isDigit)
                    && ProcessHandle.of(Long.parseLong(parts[0])).isPresent();
            if (!ownerAlive) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    private static synchronized void dropCreated() {
        try (Connection connection = maintenanceConnection(); Statement statement = connection.createStatement()) {
            for (String name : CREATED) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            System.err.println("Could not drop test databases " + CREATED + ": " + e.getMessage());
        }
    }

    private static Connection maintenanceConnection() throws SQLException {
        return DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
