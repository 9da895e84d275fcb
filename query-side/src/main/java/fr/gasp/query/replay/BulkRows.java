package fr.gasp.query.replay;

import fr.gasp.query.common.RebuiltRows;

import java.sql.SQLException;

/**
 * Rows written in bulk by a rebuild; closing sends what is still buffered. COPY on PostgreSQL
 * ({@link PostgresCopyRows}), batched inserts elsewhere ({@link BatchedInsertRows}).
 */
interface BulkRows extends RebuiltRows, AutoCloseable {

    @Override
    void close() throws SQLException;
}
