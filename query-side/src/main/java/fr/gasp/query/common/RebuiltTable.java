package fr.gasp.query.common;

import java.util.List;

/** A read-model table a rebuild empties and fills again, with the columns it writes, in order. */
public record RebuiltTable(String name, List<String> columns) {

    public static RebuiltTable of(String name, String... columns) {
        return new RebuiltTable(name, List.of(columns));
    }
}
