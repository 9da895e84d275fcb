package fr.gasp.query.replay;

import fr.gasp.query.common.RebuiltTable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Rows sent as JDBC batches of prepared inserts: for databases without PostgreSQL's COPY (the embedded H2). */
final class BatchedInsertRows implements BulkRows {

    private static final int BATCH_SIZE = 1000;

    private final Connection connection;
    private final Map<RebuiltTable, PreparedStatement> statements = new LinkedHashMap<>();
    private final Map<RebuiltTable, Integer> pending = new LinkedHashMap<>();

    BatchedInsertRows(Connection connection) {
        this.connection = connection;
    }

    @Override
    public void add(RebuiltTable table, Object... values) {
        try {
            PreparedStatement statement = statements.computeIfAbsent(table, this::prepare);
            for (int column = 0; column < values.length; column++) {
                statement.setObject(column + 1, values[column]);
            }
            statement.addBatch();
            if (pending.merge(table, 1, Integer::sum) >= BATCH_SIZE) {
                statement.executeBatch();
                pending.put(table, 0);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Insert into " + table.name() + " failed: " + e.getMessage(), e);
        }
    }

    private PreparedStatement prepare(RebuiltTable table) {
        String sql = "INSERT INTO " + table.name() + " (" + String.join(", ", table.columns()) + ") VALUES ("
                + String.join(", ", Collections.nCopies(table.columns().size(), "?")) + ")";
        try {
            return connection.prepareStatement(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws SQLException {
        for (var entry : statements.entrySet()) {
            if (pending.getOrDefault(entry.getKey(), 0) > 0) {
                entry.getValue().executeBatch();
            }
            entry.getValue().close();
        }
    }
}
