package fr.gasp.system;

import com.fasterxml.jackson.databind.JsonNode;
import fr.gasp.platform.testing.TestDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit log after a crash: its hash chain verifies, and holds each stored event exactly once. */
final class AuditChain {

    private AuditChain() {
    }

    static void assertEveryEventChainedOnce(GaspService service) throws Exception {
        long stored;
        try (Connection connection = TestDatabase.connect(service.databaseUrl);
             Statement statement = connection.createStatement();
             ResultSet counts = statement.executeQuery("""
                     SELECT (SELECT count(*) FROM domain_event_entry),
                            (SELECT count(*) FROM audit_event),
                            (SELECT count(DISTINCT event_identifier) FROM audit_event),
                            (SELECT count(DISTINCT global_index) FROM audit_event),
                            (SELECT coalesce(max(chain_position), 0) FROM audit_event),
                            (SELECT count(*) FROM domain_event_entry d
                              WHERE NOT EXISTS (SELECT 1 FROM audit_event a
                                                 WHERE a.event_identifier = d.event_identifier
                                                   AND a.global_index = d.global_index))""")) {
            counts.next();
            stored = counts.getLong(1);
            assertThat(counts.getLong(2)).as("audited events").isEqualTo(stored);
            assertThat(counts.getLong(3)).as("distinct audited event identifiers").isEqualTo(stored);
            assertThat(counts.getLong(4)).as("distinct audited global indexes").isEqualTo(stored);
            assertThat(counts.getLong(5)).as("last chain position (positions are 1, 2, 3…)").isEqualTo(stored);
            assertThat(counts.getLong(6)).as("stored events missing from the audit log").isZero();
        }
        JsonNode verify = service.read("auditor", "/api/audit/verify").body();
        assertThat(verify.get("valid").asBoolean()).as(verify.toString()).isTrue();
        assertThat(verify.get("checked").asLong()).as(verify.toString()).isEqualTo(stored);
    }
}
