package fr.gasp.query.audit;

import fr.gasp.events.meeting.RestitutionHeld;
import fr.gasp.events.proposal.ProposalDiscussed;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A batch of the audit processor reads the labels of every subject its events name in one go, at the first asked. */
class AuditBatchLabelsTest {

    private final UUID meeting = UUID.randomUUID();
    private final UUID group = UUID.randomUUID();
    private final UUID firstProposal = UUID.randomUUID();
    private final UUID secondProposal = UUID.randomUUID();
    private final Map<UUID, String> stored = Map.of(meeting, "session des référents du 19/03/2001",
            firstProposal, "Un guide des services", group, "Agents de Quarouble");

    private final List<Collection<UUID>> readsOfMany = new ArrayList<>();
    private final List<UUID> readsOfOne = new ArrayList<>();

    @Test
    void the_first_label_asked_reads_those_of_every_subject_of_the_batch_and_no_more_reads_follow() {
        AuditBatch batch = batchOf(
                new ProposalDiscussed(firstProposal, group, meeting, "Discutée", LocalDate.of(2001, 3, 19)),
                new RestitutionHeld(meeting, List.of(firstProposal, secondProposal), LocalDate.of(2001, 6, 1)));

        assertThat(label(batch, firstProposal)).contains("Un guide des services");
        assertThat(label(batch, group)).contains("Agents de Quarouble");
        assertThat(label(batch, meeting)).contains("session des référents du 19/03/2001");
        assertThat(label(batch, secondProposal)).as("named by the batch, without a label yet").isEmpty();

        assertThat(readsOfMany).hasSize(1);
        assertThat(readsOfMany.get(0)).containsExactlyInAnyOrder(firstProposal, secondProposal, group, meeting);
        assertThat(readsOfOne).isEmpty();
    }

    @Test
    void a_label_learnt_in_the_batch_wins_and_a_subject_the_batch_does_not_name_is_read_alone() {
        AuditBatch batch = batchOf(
                new ProposalDiscussed(firstProposal, group, meeting, "Discutée", LocalDate.of(2001, 3, 19)));
        batch.learn(firstProposal, "Un guide des services, revu");
        UUID elsewhere = UUID.randomUUID();

        assertThat(label(batch, firstProposal)).contains("Un guide des services, revu");
        assertThat(label(batch, elsewhere)).isEmpty();

        assertThat(readsOfOne).containsExactly(elsewhere);
    }

    private Optional<String> label(AuditBatch batch, UUID id) {
        return batch.label(id, one -> {
            readsOfOne.add(one);
            return Optional.ofNullable(stored.get(one));
        }, many -> {
            readsOfMany.add(Set.copyOf(many));
            Map<UUID, String> found = new HashMap<>();
            many.forEach(subject -> Optional.ofNullable(stored.get(subject)).ifPresent(label -> found.put(subject, label)));
            return found;
        });
    }

    private static AuditBatch batchOf(Object... payloads) {
        List<EventMessage<?>> events = new ArrayList<>();
        for (Object payload : payloads) {
            events.add(GenericEventMessage.asEventMessage(payload));
        }
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(events);
        return AuditBatch.of(unitOfWork, identifiers -> Map.of(), batch -> {
        });
    }
}
