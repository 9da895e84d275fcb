package fr.gasp.query.audit;

import fr.gasp.query.audit.AuditLog.Head;
import fr.gasp.query.audit.AuditViews.BrokenEvent;
import fr.gasp.query.audit.AuditViews.Change;
import fr.gasp.query.audit.AuditViews.Verification;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Recomputes the hash chain from {@code domain_event_entry} as stored now and compares it,
 * link by link, with the chain the projection kept when it first saw each event. Rows are
 * streamed a few hundred at a time, in one repeatable-read transaction so that the kept
 * chain, the store and the processor's token are read as of one instant.
 */
@Service
public class ChainVerification {

    private static final String KEPT_AGAINST_STORED = "SELECT a.global_index AS kept_global_index,"
            + " a.event_identifier AS kept_event_identifier, a.aggregate_identifier AS kept_aggregate_identifier,"
            + " a.sequence_number AS kept_sequence_number, a.event_type AS kept_event_type, a.chain_hash, "
            + StoredEvent.columns("d.")
            + " FROM audit_event a LEFT JOIN domain_event_entry d ON d.global_index = a.global_index"
            + " ORDER BY a.chain_position";

    private static final String STORED_NEVER_SEEN = """
            SELECT d.global_index, d.event_identifier, d.aggregate_identifier, d.sequence_number, d.payload_type
            FROM domain_event_entry d
            WHERE d.global_index <= ?
              AND NOT EXISTS (SELECT 1 FROM audit_event a WHERE a.global_index = d.global_index)
            ORDER BY d.global_index""";

    private final AuditLog log;
    private final AuditPosition readModel;
    private final JdbcTemplate streaming;
    private final TransactionTemplate snapshot;

    public ChainVerification(AuditLog log, AuditPosition readModel, DataSource dataSource,
                             PlatformTransactionManager transactions) {
        this.log = log;
        this.readModel = readModel;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(AuditLog.FETCH_SIZE);
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    public Verification verify() {
        return snapshot.execute(status -> {
            Optional<Head> head = log.head();
            if (head.isEmpty()) {
                // Nothing kept yet (a new store, or events that predate the audit and are not chained yet).
                return new Verification(true, 0, AuditChain.SEED, null);
            }
            KeptChain kept = streaming.query(connection -> connection.prepareStatement(KEPT_AGAINST_STORED,
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY), ChainVerification::firstBreak);
            BrokenEvent inserted = firstInserted();
            BrokenEvent broken = kept.broken();
            if (inserted != null && (broken == null || inserted.globalIndex() < broken.globalIndex())) {
                broken = inserted;
            }
            return new Verification(broken == null, kept.checked(), head.get().hash(), broken);
        });
    }

    private record KeptChain(long checked, BrokenEvent broken) {
    }

    /** Walks the kept chain in its order, recomputing each link from the stored row, up to the first that differs. */
    private static KeptChain firstBreak(ResultSet rows) throws SQLException {
        String previous = AuditChain.SEED;
        long checked = 0;
        while (rows.next()) {
            checked++;
            String kept = rows.getString("chain_hash");
            rows.getLong("global_index");
            if (rows.wasNull()) {
                return new KeptChain(checked, kept(rows, Change.DELETED));
            }
            String recomputed = AuditChain.next(previous, StoredEvent.read(rows));
            if (!recomputed.equals(kept)) {
                return new KeptChain(checked, kept(rows, Change.ALTERED));
            }
            previous = recomputed;
        }
        return new KeptChain(checked, null);
    }

    /** The event as the chain saw it: what was there, whatever is stored now. */
    private static BrokenEvent kept(ResultSet row, Change change) throws SQLException {
        return new BrokenEvent(row.getLong("kept_global_index"), row.getString("kept_event_identifier"),
                row.getString("kept_aggregate_identifier"), row.getLong("kept_sequence_number"),
                row.getString("kept_event_type"), change);
    }

    /**
     * The first stored event the processor went past without the chain having it. Stored rows
     * the processor has not reached yet (new ones, or a transaction that committed after a
     * later-numbered one and is still awaited) are not reported: the chain will have them.
     */
    private BrokenEvent firstInserted() {
        List<TrackingToken> tokens = readModel.tokens();
        OptionalLong reached = tokens.stream()
                .map(WrappedToken::unwrapUpperBound)
                .map(TrackingToken::position)
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .min();
        if (tokens.isEmpty() || reached.isEmpty()) {
            return null;
        }
        return streaming.query(connection -> {
            var statement = connection.prepareStatement(STORED_NEVER_SEEN, ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY);
            statement.setLong(1, reached.getAsLong());
            return statement;
        }, rows -> {
            while (rows.next()) {
                long globalIndex = rows.getLong("global_index");
                if (AuditPosition.passedByAll(tokens, globalIndex)) {
                    return new BrokenEvent(globalIndex, rows.getString("event_identifier"),
                            rows.getString("aggregate_identifier"), rows.getLong("sequence_number"),
                            StoredEvent.simpleName(rows.getString("payload_type")), Change.INSERTED);
                }
            }
            return null;
        });
    }
}
