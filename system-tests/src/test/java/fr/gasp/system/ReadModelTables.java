package fr.gasp.system;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The query side's read models as rows, every table sorted, so two moments (before and
 * after a rebuild, before and after a crash) can be compared as a whole. The tables are the
 * ones the query side's own migrations create (db/query on the class path, so a new read
 * model is compared without touching this class), less those that are not rebuilt from the
 * events: the tracking tokens, and the audit log, whose chain keeps the order events were
 * first seen in (ADR 0004) and is never rebuilt.
 */
final class ReadModelTables {

    private static final Set<String> NOT_REBUILT = Set.of("token_entry", "audit_event", "audit_subject",
            "dead_letter_entry");
    private static final Pattern CREATE_TABLE = Pattern.compile("CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)",
            Pattern.CASE_INSENSITIVE);

    private ReadModelTables() {
    }

    /** The read-model tables' names, as the query side's migrations create them. */
    static Set<String> names() {
        Set<String> names = new TreeSet<>();
        try {
            for (Resource script : new PathMatchingResourcePatternResolver().getResources("classpath*:db/query/*.sql")) {
                Matcher table = CREATE_TABLE.matcher(script.getContentAsString(StandardCharsets.UTF_8));
                while (table.find()) {
                    names.add(table.group(1).toLowerCase());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the query side's migrations", e);
        }
        names.removeAll(NOT_REBUILT);
        if (names.isEmpty()) {
            throw new IllegalStateException("no read-model table found in classpath*:db/query/*.sql");
        }
        return names;
    }

    /** Every row of every read-model table, each row as one line of its columns, sorted. */
    static Map<String, List<String>> dump(Connection connection) throws SQLException {
        Map<String, List<String>> tables = new TreeMap<>();
        for (String table : names()) {
            List<String> rows = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("SELECT * FROM " + table)) {
                ResultSetMetaData columns = result.getMetaData();
                while (result.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int column = 1; column <= columns.getColumnCount(); column++) {
                        row.append(column == 1 ? "" : " | ").append(columns.getColumnName(column)).append('=')
                                .append(result.getString(column));
                    }
                    rows.add(row.toString());
                }
            }
            rows.sort(null);
            tables.put(table, rows);
        }
        return tables;
    }

    /** How many rows each table holds, for messages. */
    static Map<String, Integer> sizes(Map<String, List<String>> dump) {
        Map<String, Integer> sizes = new TreeMap<>();
        dump.forEach((table, rows) -> sizes.put(table, rows.size()));
        return sizes;
    }

    /** The first differences between two dumps, table by table, readable in a failure message. */
    static String differences(Map<String, List<String>> expected, Map<String, List<String>> actual) {
        StringBuilder out = new StringBuilder();
        for (String table : new TreeSet<>(expected.keySet())) {
            List<String> missing = new ArrayList<>(expected.get(table));
            missing.removeAll(new java.util.HashSet<>(actual.getOrDefault(table, List.of())));
            List<String> extra = new ArrayList<>(actual.getOrDefault(table, List.of()));
            extra.removeAll(new java.util.HashSet<>(expected.get(table)));
            if (!missing.isEmpty() || !extra.isEmpty() || expected.get(table).size() != actual.get(table).size()) {
                out.append(table).append(": ").append(expected.get(table).size()).append(" rows expected, ")
                        .append(actual.get(table).size()).append(" found; missing ")
                        .append(missing.subList(0, Math.min(3, missing.size()))).append("; unexpected ")
                        .append(extra.subList(0, Math.min(3, extra.size()))).append('\n');
            }
        }
        return out.toString();
    }
}
