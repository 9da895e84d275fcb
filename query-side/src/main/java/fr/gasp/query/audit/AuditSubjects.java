package fr.gasp.query.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Optional;
import java.util.UUID;

/**
 * The names the audit summaries give to GASPs, groups, proposals (their title) and meetings
 * (a phrase such as « session des référents du 19/03/2001 »), learnt from the events as the
 * audit reads them, so a summary says what was known when the event was seen.
 */
@Repository
class AuditSubjects {

    private final JdbcClient jdbc;

    AuditSubjects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> label(UUID id) {
        if (id == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT label FROM audit_subject WHERE subject_id = ?").param(id)
                .query(String.class).optional();
    }

    void name(UUID id, String label) {
        // Replaced whole: no upsert that both databases share.
        jdbc.sql("DELETE FROM audit_subject WHERE subject_id = ?").param(id).update();
        jdbc.sql("INSERT INTO audit_subject (subject_id, label) VALUES (?, ?)").params(id, label).update();
    }
}
