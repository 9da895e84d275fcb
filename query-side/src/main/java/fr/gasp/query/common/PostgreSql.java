package fr.gasp.query.common;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** Whether a connection is to PostgreSQL: several statements per call only work there, not on the embedded H2. */
public final class PostgreSql {

    private PostgreSql() {
    }

    public static boolean is(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgresql");
    }
}
