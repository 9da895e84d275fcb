package fr.gasp.query.audit;

import fr.gasp.query.audit.AuditViews.Entry;
import fr.gasp.query.audit.AuditViews.Filter;
import fr.gasp.query.audit.AuditViews.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The {@code audit_event} rows: the chain's head for the projection, the log for the API. */
@Repository
class AuditLog {

    /** Rows fetched per round trip when the whole log is streamed. */
    static final int FETCH_SIZE = 500;

    private static final String ENTRY_COLUMNS = """
            global_index, event_identifier, aggregate_type, aggregate_identifier, sequence_number, event_type,
            occurred_on, recorded_at, actor, role, summary, chain_hash""";

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final JdbcTemplate batches;
    private final TransactionTemplate readOnly;

    AuditLog(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(FETCH_SIZE);
        this.batches = new JdbcTemplate(dataSource);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** The last link of the kept chain. */
    record Head(long position, String hash) {
    }

    /** A row as the projection adds it. */
    record NewRow(long chainPosition, StoredEvent stored, String aggregateType, String eventType,
                  LocalDate occurredOn, OffsetDateTime recordedAt, LocalDate auditDate, String actor, String role,
                  String summary, String hash) {
    }

    Optional<Head> head() {
        return jdbc.sql("SELECT chain_position, chain_hash FROM audit_event ORDER BY chain_position DESC LIMIT 1")
                .query((row, number) -> new Head(row.getLong("chain_position"), row.getString("chain_hash")))
                .optional();
    }

    /** The rows of a batch of events, in one JDBC batch. */
    void addAll(List<NewRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        batches.batchUpdate("""
                        INSERT INTO audit_event (chain_position, global_index, event_identifier, aggregate_type,
                            aggregate_identifier, sequence_number, event_type, occurred_on, recorded_at, audit_date,
                            actor, role, summary, chain_hash)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                rows.stream().map(row -> new Object[]{row.chainPosition(), row.stored().globalIndex(),
                        row.stored().eventIdentifier(), row.aggregateType(), row.stored().aggregateIdentifier(),
                        row.stored().sequenceNumber(), row.eventType(), row.occurredOn(), row.recordedAt(),
                        row.auditDate(), row.actor(), row.role(), row.summary(), row.hash()}).toList());
    }

    /** One page of the log, oldest first (global index). */
    Page page(Filter filter, int page, int size) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        long total = jdbc.sql("SELECT count(*) FROM audit_event" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<Entry> items = jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM audit_event" + where
                        + " ORDER BY global_index LIMIT ? OFFSET ?")
                .params(pageParams)
                .query((row, number) -> entry(row))
                .list();
        return new Page(items, total, page, size);
    }

    /** Every entry the filter keeps, oldest first, streamed a few hundred rows at a time. */
    void forEach(Filter filter, Consumer<Entry> each) {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT " + ENTRY_COLUMNS + " FROM audit_event" + where(filter, params) + " ORDER BY global_index";
        // In a transaction: PostgreSQL's driver only fetches by pages (instead of all at once) inside one.
        readOnly.executeWithoutResult(status -> streaming.query(sql,
                (RowCallbackHandler) row -> each.accept(entry(row)), params.toArray()));
    }

    private static String where(Filter filter, List<Object> params) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (filter.from() != null) {
            where.append(" AND audit_date >= ?");
            params.add(filter.from());
        }
        if (filter.to() != null) {
            where.append(" AND audit_date <= ?");
            params.add(filter.to());
        }
        if (filter.actor() != null) {
            where.append(" AND actor = ?");
            params.add(filter.actor());
        }
        if (filter.type() != null) {
            where.append(" AND event_type = ?");
            params.add(filter.type());
        }
        return where.toString();
    }

    private static Entry entry(ResultSet row) throws SQLException {
        return new Entry(row.getLong("global_index"), row.getString("event_identifier"),
                row.getString("aggregate_type"), row.getString("aggregate_identifier"),
                row.getLong("sequence_number"), row.getString("event_type"),
                row.getObject("occurred_on", LocalDate.class),
                row.getObject("recorded_at", OffsetDateTime.class).toInstant(), row.getString("actor"),
                row.getString("role"), row.getString("summary"), row.getString("chain_hash"));
    }
}
