package fr.gasp.query.common;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Whether a connection is to PostgreSQL rather than the embedded H2: several statements per call, and
 * settings such as the figures' parallel workers, exist only there.
 */
public final class PostgreSql {

    private PostgreSql() {
    }

    public static boolean is(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgresql");
    }
}
