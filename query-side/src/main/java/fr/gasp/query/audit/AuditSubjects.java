package fr.gasp.query.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import javax.sql.DataSource;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The names the audit summaries give to GASPs, groups, proposals (their title) and meetings
 * (a phrase such as « session des référents du 19/03/2001 »), learnt from the events as the
 * audit reads them, so a summary says what was known when the event was seen. Within a batch
 * of the audit processor they go through its {@link AuditBatch}: each label read once, the
 * labels learnt written when the batch commits.
 */
@Repository
class AuditSubjects {

    private static final int SUBJECTS_PER_QUERY = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    AuditSubjects(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.batches = new JdbcTemplate(dataSource);
    }

    /** The subject's label as the audit knows it now (in a batch: with what the batch learnt). */
    Optional<String> label(UUID id) {
        if (id == null) {
            return Optional.empty();
        }
        return AuditBatch.inProgress().map(batch -> batch.label(id, this::stored, this::storedAll))
                .orElseGet(() -> stored(id));
    }

    /** Learns a subject's label: in a batch, written with the batch's rows. */
    void name(UUID id, String label) {
        AuditBatch.inProgress().ifPresentOrElse(batch -> batch.learn(id, label),
                () -> nameAll(Map.of(id, label)));
    }

    /** Replaces these subjects' labels, in two JDBC batches. */
    void nameAll(Map<UUID, String> labels) {
        if (labels.isEmpty()) {
            return;
        }
        // Replaced whole: no upsert that both databases share.
        batches.batchUpdate("DELETE FROM audit_subject WHERE subject_id = ?",
                labels.keySet().stream().map(id -> new Object[]{id}).toList());
        batches.batchUpdate("INSERT INTO audit_subject (subject_id, label) VALUES (?, ?)",
                labels.entrySet().stream().map(named -> new Object[]{named.getKey(), named.getValue()}).toList());
    }

    /** The labels of these subjects that have one, in one query per thousand subjects. */
    private Map<UUID, String> storedAll(Collection<UUID> ids) {
        Map<UUID, String> labels = new HashMap<>();
        List<UUID> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += SUBJECTS_PER_QUERY) {
            jdbc.sql("SELECT subject_id, label FROM audit_subject WHERE subject_id IN (:ids)")
                    .param("ids", all.subList(from, Math.min(all.size(), from + SUBJECTS_PER_QUERY)))
                    .query(row -> {
                        labels.put(row.getObject("subject_id", UUID.class), row.getString("label"));
                    });
        }
        return labels;
    }

    private Optional<String> stored(UUID id) {
        return jdbc.sql("SELECT label FROM audit_subject WHERE subject_id = ?").param(id)
                .query(String.class).optional();
    }
}
