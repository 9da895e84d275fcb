package fr.gasp.system;

import fr.gasp.platform.testing.TestDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proposals' read model against the store, counted without the query side's help: one
 * view per proposal at its last version, one history row per proposal event. Says whether
 * an event was skipped or projected twice even where no rebuild is at hand to compare with.
 */
final class ProposalReadModel {

    private ProposalReadModel() {
    }

    static void assertMatchesStore(String databaseUrl) throws Exception {
        try (Connection connection = TestDatabase.connect(databaseUrl);
             Statement statement = connection.createStatement();
             ResultSet counts = statement.executeQuery("""
                     SELECT (SELECT count(DISTINCT aggregate_identifier) FROM domain_event_entry WHERE type = 'Proposal'),
                            (SELECT count(*) FROM proposal_view),
                            (SELECT count(*) FROM domain_event_entry WHERE type = 'Proposal'),
                            (SELECT count(*) FROM proposal_history),
                            (SELECT count(*) FROM proposal_view v
                              WHERE v.version <> (SELECT max(sequence_number) FROM domain_event_entry d
                                                   WHERE d.aggregate_identifier = v.proposal_id::varchar))""")) {
            counts.next();
            assertThat(counts.getLong(2)).as("proposal views against proposals stored").isEqualTo(counts.getLong(1));
            assertThat(counts.getLong(4)).as("history rows against proposal events stored").isEqualTo(counts.getLong(3));
            assertThat(counts.getLong(5)).as("proposal views not at their last stored version").isZero();
        }
    }
}
