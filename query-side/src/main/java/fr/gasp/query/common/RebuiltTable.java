package fr.gasp.query.common;

import java.util.List;

/** A read-model table a rebuild empties and fills again, with the columns it writes, in order. */
public record RebuiltTable(String name, List<String> columns) {

    /** By name alone: a rebuild looks a table up for every row, and a table's name is its identity. */
    @Override
    public int hashCode() {
        return name.hashCode();
    }

    public static RebuiltTable of(String name, String... columns) {
        return new RebuiltTable(name, List.of(columns));
    }
}
