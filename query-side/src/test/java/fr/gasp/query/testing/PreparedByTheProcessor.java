package fr.gasp.query.testing;

import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The statements the read-model processor prepared ({@code gasp_rm_…}), on whichever pooled connection it had. */
public final class PreparedByTheProcessor {

    private PreparedByTheProcessor() {
    }

    /** Name → statement, read on every connection of the pool, all borrowed at once so the processor's is among them. */
    public static Map<String, String> on(DataSource dataSource) throws SQLException {
        int size = dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
        List<Connection> borrowed = new ArrayList<>();
        Map<String, String> statements = new HashMap<>();
        try {
            for (int i = 0; i < size; i++) {
                Connection connection = dataSource.getConnection();
                borrowed.add(connection);
                try (Statement read = connection.createStatement();
                     ResultSet rows = read.executeQuery(
                             "SELECT name, statement FROM pg_prepared_statements WHERE name LIKE 'gasp_rm_%'")) {
                    while (rows.next()) {
                        statements.put(rows.getString(1), rows.getString(2));
                    }
                }
            }
        } finally {
            for (Connection connection : borrowed) {
                connection.close();
            }
        }
        return statements;
    }
}
