package fr.gasp.query.common;

/**
 * Where a rebuild writes its rows: buffered and sent in bulk (PostgreSQL's COPY, or batched
 * inserts), never one round trip per row. Values are given in the table's column order.
 */
public interface RebuiltRows {

    void add(RebuiltTable table, Object... values);
}
