package fr.gasp.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** The run's own database, gasp_bench_&lt;timestamp&gt;, created empty and dropped at the end. */
final class BenchDatabase implements AutoCloseable {

    final String server;
    final String user;
    final String password;
    final String name;

    private BenchDatabase(String server, String user, String password, String name) {
        this.server = server;
        this.user = user;
        this.password = password;
        this.name = name;
    }

    static BenchDatabase create(String server, String user, String password) throws SQLException {
        String name = "gasp_bench_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"));
        try (Connection connection = DriverManager.getConnection(server + "postgres", user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return new BenchDatabase(server, user, password, name);
    }

    String url() {
        return server + name;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user, password);
    }

    String serverVersion() {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             var result = statement.executeQuery("SHOW server_version")) {
            result.next();
            return "PostgreSQL " + result.getString(1);
        } catch (SQLException e) {
            return "PostgreSQL (version unknown: " + e.getMessage() + ")";
        }
    }

    /** Drops the database, retrying for a minute: the server may be restarting (other tests do that). */
    @Override
    public void close() throws SQLException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = DriverManager.getConnection(server + "postgres", user, password);
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                return;
            } catch (SQLException e) {
                if (attempt == 12) {
                    throw e;
                }
                Thread.sleep(5_000);
            }
        }
    }
}
