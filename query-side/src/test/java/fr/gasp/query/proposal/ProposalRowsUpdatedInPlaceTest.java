package fr.gasp.query.proposal;

import fr.gasp.events.proposal.ImplementationCompleted;
import fr.gasp.events.proposal.ImplementationProgressed;
import fr.gasp.events.proposal.ImplementationStarted;
import fr.gasp.events.proposal.ProposalAmended;
import fr.gasp.events.proposal.ProposalDiscussed;
import fr.gasp.events.proposal.ProposalRaised;
import fr.gasp.events.proposal.ProposalSubmitted;
import fr.gasp.events.proposal.ProposalValidated;
import fr.gasp.query.testing.QuerySideIntegrationTest;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration V12 (issue 6): a proposal's later events update its row without writing an index
 * entry (PostgreSQL's heap-only tuples), which they can only do while no column they change is
 * indexed. The projector's own statements are run in one transaction, whose counts of updated
 * rows PostgreSQL gives exactly, then rolled back.
 */
class ProposalRowsUpdatedInPlaceTest extends QuerySideIntegrationTest {

    @Autowired
    private ProposalProjector projector;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void every_later_event_of_a_proposal_updates_its_row_in_place() {
        UUID proposal = UUID.randomUUID();
        LocalDate day = LocalDate.of(2016, 3, 1);
        MetaData referent = MetaData.with("actor", "referent");
        TransactionTemplate transaction = new TransactionTemplate(transactions);

        Map<String, Long> updated = transaction.execute(status -> {
            status.setRollbackOnly();
            projector.on(new ProposalRaised(proposal, UUID.randomUUID(), UUID.randomUUID(), null, "Accueil du samedi",
                    "Ouvrir l'accueil le samedi matin", List.of("accueil"), day), 0);
            projector.on(new ProposalDiscussed(proposal, UUID.randomUUID(), null, "Échanges", day.plusDays(1)), 1);
            projector.on(new ProposalAmended(proposal, "Accueil du samedi matin", "Ouvrir de 9 h à 12 h", null,
                    day.plusDays(2)), 2);
            projector.on(new ProposalSubmitted(proposal, null, null, day.plusDays(3)), 3);
            projector.on(new ProposalValidated(proposal, null, "Utile", day.plusDays(4)), 4, referent);
            projector.on(new ImplementationStarted(proposal, "Service accueil", day.plusDays(60), day.plusDays(5)), 5);
            projector.on(new ImplementationProgressed(proposal, 50, "Recrutement fait", day.plusDays(6)), 6);
            projector.on(new ImplementationCompleted(proposal, "Ouvert depuis mai", day.plusDays(7)), 7);
            return jdbc.sql("""
                            SELECT pg_stat_get_xact_tuples_updated('proposal_view'::regclass) AS updated,
                                pg_stat_get_xact_tuples_hot_updated('proposal_view'::regclass) AS in_place""")
                    .query((row, number) -> Map.of("updated", row.getLong("updated"),
                            "in place", row.getLong("in_place")))
                    .single();
        });

        assertThat(updated.get("updated")).as("rows updated by the seven later events").isGreaterThanOrEqualTo(7);
        assertThat(updated.get("in place")).as("of which in place").isEqualTo(updated.get("updated"));
    }
}
