package fr.gasp.command.cache;

import fr.gasp.command.organisation.CreateGasp;
import fr.gasp.command.organisation.CreateGroup;
import fr.gasp.command.proposal.DiscussProposal;
import fr.gasp.command.proposal.ForbiddenTransition;
import fr.gasp.command.proposal.RaiseProposal;
import fr.gasp.command.proposal.WithdrawProposal;
import fr.gasp.events.organisation.GroupKind;
import fr.gasp.events.proposal.ProposalWithdrawn;
import fr.gasp.platform.testing.TestDatabase;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The aggregate cache in the command side as it runs, on real PostgreSQL: commands decide from
 * what this node committed, never from a write its request's transaction then rolled back, and
 * a write by another node is caught by the event store and read from it afterwards.
 */
@SpringBootTest(properties = {"gasp.demo-data=false", "gasp.snapshots.every-events=" + AggregateCacheTest.SNAPSHOT_EVERY})
class AggregateCacheTest {

    static final int SNAPSHOT_EVERY = 5;
    private static final LocalDate DAY = LocalDate.of(2021, 5, 3);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = TestDatabase.create();
        TestDatabase.springProperties(url).forEach((key, value) -> registry.add(key, () -> value));
    }

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStorageEngine storage;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    @Qualifier(AggregateCacheConfiguration.PROPOSALS)
    CommittedAggregateCache proposals;

    private UUID group;

    @BeforeEach
    void gaspAndGroup() {
        UUID gasp = UUID.randomUUID();
        commands.sendAndWait(new CreateGasp(gasp, "GASP de Douai", List.of("Douai"), DAY));
        group = UUID.randomUUID();
        commands.sendAndWait(new CreateGroup(group, gasp, GroupKind.AGENTS, "Agents de l'accueil", DAY));
    }

    @Test
    void an_update_decides_from_the_aggregate_this_node_committed_without_reading_the_store() {
        UUID proposal = raise();
        assertThat(discuss(proposal)).isEqualTo(1L);
        assertThat(proposals.containsKey(proposal.toString())).isTrue();

        int forgotten = jdbc.sql("DELETE FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(proposal.toString()).update();
        assertThat(forgotten).isEqualTo(2);

        assertThat(commands.<Long>sendAndWait(new WithdrawProposal(proposal, "Doublon", DAY)))
                .as("decided from the cache: the store no longer knows the proposal")
                .isEqualTo(2L);
    }

    @Test
    void a_command_whose_request_transaction_rolls_back_leaves_nothing_for_the_next_one_to_decide_from() {
        UUID proposal = raise();
        new TransactionTemplate(transactionManager).executeWithoutResult(request -> {
            assertThat(commands.<Long>sendAndWait(new WithdrawProposal(proposal, "Doublon", DAY))).isEqualTo(1L);
            request.setRollbackOnly();
        });
        assertThat(proposals.containsKey(proposal.toString())).isFalse();

        assertThat(discuss(proposal))
                .as("the withdrawal was never stored: the proposal can still be discussed, as its next version")
                .isEqualTo(1L);
        assertThat(sequences(proposal)).containsExactly(0L, 1L);
        assertThat(storedTypes(proposal)).containsExactly("ProposalRaised", "ProposalDiscussed");
    }

    @Test
    void a_command_decided_from_a_version_another_node_outdated_is_refused_and_the_next_one_reads_the_store() {
        UUID proposal = raise();
        storage.appendEvents(new GenericDomainEventMessage<>("Proposal", proposal.toString(), 1L,
                new ProposalWithdrawn(proposal, "Retirée sur un autre nœud", DAY)));

        assertThatThrownBy(() -> discuss(proposal))
                .as("the cached version 0 is outdated: the append of a second version 1 is refused")
                .isInstanceOf(ConcurrencyException.class);
        assertThat(proposals.containsKey(proposal.toString())).isFalse();

        assertThatThrownBy(() -> discuss(proposal))
                .as("read again from the store: withdrawn")
                .isInstanceOf(ForbiddenTransition.class).hasMessageContaining("WITHDRAWN");
        assertThat(sequences(proposal)).containsExactly(0L, 1L);
    }

    @Test
    void an_aggregate_kept_in_the_cache_still_gets_its_snapshots() {
        UUID proposal = raise();
        for (int i = 0; i <= SNAPSHOT_EVERY; i++) {
            discuss(proposal);
        }
        assertThat(proposals.containsKey(proposal.toString())).isTrue();

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (snapshots(proposal) == 0 && System.nanoTime() < deadline) {
            pause();
        }
        assertThat(snapshots(proposal)).isEqualTo(1);
    }

    private UUID raise() {
        UUID proposal = UUID.randomUUID();
        commands.sendAndWait(new RaiseProposal(proposal, group, null, "Horaires d'été",
                "Ouvrir l'accueil plus tôt en juillet", List.of("accueil"), DAY));
        return proposal;
    }

    private Long discuss(UUID proposal) {
        return commands.sendAndWait(new DiscussProposal(proposal, group, null, "Discutée en groupe", DAY));
    }

    private List<Long> sequences(UUID proposal) {
        return jdbc.sql("SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number").param(proposal.toString()).query(Long.class).list();
    }

    private List<String> storedTypes(UUID proposal) {
        return jdbc.sql("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? "
                        + "ORDER BY sequence_number").param(proposal.toString()).query(String.class).list()
                .stream().map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }

    private int snapshots(UUID proposal) {
        return jdbc.sql("SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?")
                .param(proposal.toString()).query(Integer.class).single();
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
