package fr.gasp.query.replay;

import fr.gasp.query.common.RebuiltRows;

import java.sql.Connection;
import java.sql.SQLException;

/** Rows written in bulk by a rebuild; closing sends what is still buffered. */
interface BulkRows extends RebuiltRows, AutoCloseable {

    @Override
    void close() throws SQLException;

    /** The bulk writer that suits the database: COPY on PostgreSQL, batched inserts elsewhere. */
    static BulkRows open(Connection connection) throws SQLException {
        return PostgresCopyRows.supports(connection) ? new PostgresCopyRows(connection)
                : new BatchedInsertRows(connection);
    }
}
