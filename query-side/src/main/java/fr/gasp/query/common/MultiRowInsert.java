package fr.gasp.query.common;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Several rows into one table in one statement ({@code VALUES (…), (…)}): one round trip
 * instead of one per row, for the lists an event carries (themes, attendees).
 */
public final class MultiRowInsert {

    private MultiRowInsert() {
    }

    /** Each row gives the columns' values, in order; nothing is sent for no rows. */
    public static void insert(ProjectionWrites writes, String table, List<String> columns, List<List<Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String row = "(" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        List<Object> parameters = new ArrayList<>(rows.size() * columns.size());
        rows.forEach(parameters::addAll);
        writes.execute("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES "
                + String.join(", ", Collections.nCopies(rows.size(), row)), parameters);
    }

    /** The rows of a list whose position is kept: (key, position, item) for each item. */
    public static List<List<Object>> positioned(Object key, List<?> items) {
        List<List<Object>> rows = new ArrayList<>(items.size());
        for (int position = 0; position < items.size(); position++) {
            rows.add(List.of(key, position, items.get(position)));
        }
        return rows;
    }
}
