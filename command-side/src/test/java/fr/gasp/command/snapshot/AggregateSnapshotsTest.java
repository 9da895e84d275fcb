package fr.gasp.command.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.gasp.command.meeting.HoldMeeting;
import fr.gasp.command.meeting.Meeting;
import fr.gasp.command.meeting.RecordMinutes;
import fr.gasp.command.meeting.RecordRestitution;
import fr.gasp.command.organisation.AddMember;
import fr.gasp.command.organisation.CreateGasp;
import fr.gasp.command.organisation.CreateGroup;
import fr.gasp.command.organisation.Gasp;
import fr.gasp.command.organisation.Group;
import fr.gasp.command.organisation.RemoveMember;
import fr.gasp.command.organisation.SetCadence;
import fr.gasp.command.proposal.DiscussProposal;
import fr.gasp.command.proposal.ForbiddenTransition;
import fr.gasp.command.proposal.PresentProposal;
import fr.gasp.command.proposal.Proposal;
import fr.gasp.command.proposal.RaiseProposal;
import fr.gasp.command.proposal.WithdrawProposal;
import fr.gasp.events.meeting.MeetingKind;
import fr.gasp.events.organisation.Cadence;
import fr.gasp.events.organisation.GroupKind;
import fr.gasp.events.proposal.ProposalStatus;
import fr.gasp.platform.problem.ConflictException;
import fr.gasp.platform.problem.InvalidInputException;
import fr.gasp.platform.problem.NotFoundException;
import fr.gasp.platform.testing.TestDatabase;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
 * Snapshots on real PostgreSQL, with a threshold of {@value #EVERY} events: each aggregate
 * type gets a snapshot row once it has more, the snapshot read back through Jackson is the
 * state its events give, and commands after it still apply every rule. To be sure the rules
 * then run on the snapshot's state, the events it replaces are deleted before those commands:
 * a refusal that depends on a step before the snapshot can only come from the snapshot. The
 * aggregate cache is off, so that every command loads its aggregate from the store.
 */
@SpringBootTest(properties = {"gasp.demo-data=false", "gasp.snapshots.every-events=" + AggregateSnapshotsTest.EVERY,
        "gasp.aggregate-cache.size=0"})
class AggregateSnapshotsTest {

    static final int EVERY = 5;
    private static final LocalDate DAY = LocalDate.of(2020, 3, 10);
    private static final ObjectMapper JSON = new ObjectMapper();

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

    @Test
    void a_gasp_keeps_its_creation_date_in_its_snapshot() {
        UUID gasp = gasp();
        for (int i = 0; i <= EVERY; i++) {
            commands.sendAndWait(new SetCadence(gasp, new Cadence(i, 4, 2, 1), DAY.plusDays(i)));
        }
        long snapshot = awaitSnapshot(gasp);
        assertRoundTrips(Gasp.class, gasp, snapshot);

        forgetEventsBefore(gasp, snapshot);
        assertThatThrownBy(() -> commands.sendAndWait(new SetCadence(gasp, Cadence.DEFAULT, DAY.minusDays(1))))
                .as("the creation date, from the snapshot, still bounds later steps")
                .isInstanceOf(InvalidInputException.class);
        commands.sendAndWait(new SetCadence(gasp, Cadence.DEFAULT, DAY.plusDays(30)));
    }

    @Test
    void a_group_keeps_its_members_in_its_snapshot() {
        UUID group = group(gasp(), GroupKind.AGENTS);
        UUID left = UUID.randomUUID();
        commands.sendAndWait(new AddMember(group, left, "Camille Martin", "Mairie", "agent", DAY));
        commands.sendAndWait(new RemoveMember(group, left, DAY.plusDays(1)));
        for (int i = 0; i < EVERY; i++) {
            commands.sendAndWait(new AddMember(group, UUID.randomUUID(), "Membre " + i, null, null, DAY.plusDays(2)));
        }
        long snapshot = awaitSnapshot(group);
        assertRoundTrips(Group.class, group, snapshot);

        forgetEventsBefore(group, snapshot);
        assertThatThrownBy(() -> commands.sendAndWait(new RemoveMember(group, left, DAY.plusDays(3))))
                .as("a member who left before the snapshot cannot leave again")
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> commands.sendAndWait(new RemoveMember(group, UUID.randomUUID(), DAY.plusDays(3))))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_meeting_keeps_its_kind_and_minutes_count_in_its_snapshot() throws Exception {
        UUID gasp = gasp();
        UUID group = group(gasp, GroupKind.AGENTS);
        UUID meeting = UUID.randomUUID();
        commands.sendAndWait(new HoldMeeting(meeting, gasp, MeetingKind.GROUP, group, DAY, 12, List.of()));
        for (int i = 1; i <= EVERY; i++) {
            commands.sendAndWait(new RecordMinutes(meeting, "Compte rendu v" + i, DAY.plusDays(i)));
        }
        long snapshot = awaitSnapshot(meeting);
        assertRoundTrips(Meeting.class, meeting, snapshot);

        forgetEventsBefore(meeting, snapshot);
        assertThatThrownBy(() -> commands.sendAndWait(new RecordRestitution(meeting, List.of(UUID.randomUUID()))))
                .as("a group meeting, known from the snapshot, holds no restitution")
                .isInstanceOf(ConflictException.class);
        assertThat(recordFinalMinutes(meeting)).as("minutes version").isEqualTo(EVERY + 1);
    }

    @Test
    void a_proposal_keeps_its_status_and_last_date_in_its_snapshot() {
        UUID gasp = gasp();
        UUID group = group(gasp, GroupKind.AGENTS);
        UUID earlyJoint = jointMeeting(gasp, DAY);
        UUID laterJoint = jointMeeting(gasp, DAY.plusDays(10));
        UUID proposal = UUID.randomUUID();
        commands.sendAndWait(new RaiseProposal(proposal, group, null, "Horaires", "Ouvrir le samedi",
                List.of("accueil"), DAY));
        commands.sendAndWait(new WithdrawProposal(proposal, "Doublon", DAY));
        for (int i = 0; i < EVERY; i++) {
            commands.sendAndWait(new PresentProposal(proposal, laterJoint));
        }
        long snapshot = awaitSnapshot(proposal);
        Proposal restored = assertRoundTrips(Proposal.class, proposal, snapshot);
        assertThat(restored).extracting("status").isEqualTo(ProposalStatus.WITHDRAWN);

        forgetEventsBefore(proposal, snapshot);
        assertThatThrownBy(() -> commands.sendAndWait(new DiscussProposal(proposal, group, null, "Encore", DAY.plusDays(11))))
                .as("withdrawn before the snapshot, withdrawn after it")
                .isInstanceOf(ForbiddenTransition.class).hasMessageContaining("WITHDRAWN");
        assertThatThrownBy(() -> commands.sendAndWait(new PresentProposal(proposal, earlyJoint)))
                .as("its last step's date, from the snapshot, still orders the steps")
                .isInstanceOf(InvalidInputException.class);
        commands.sendAndWait(new PresentProposal(proposal, laterJoint));
    }

    /** A snapshot is only a shortcut: one that cannot be read, or of another revision, gives way to the events. */
    @Test
    void a_snapshot_that_cannot_be_read_or_is_of_another_revision_is_ignored() throws Exception {
        UUID gasp = gasp();
        UUID meeting = UUID.randomUUID();
        commands.sendAndWait(new HoldMeeting(meeting, gasp, MeetingKind.GROUP, group(gasp, GroupKind.USERS), DAY, 8,
                List.of()));
        for (int i = 1; i <= EVERY; i++) {
            commands.sendAndWait(new RecordMinutes(meeting, "Compte rendu v" + i, DAY.plusDays(i)));
        }
        long snapshot = awaitSnapshot(meeting);
        byte[] payload = jdbc.sql("SELECT payload FROM snapshot_event_entry WHERE aggregate_identifier = ?")
                .param(meeting.toString()).query(byte[].class).single();
        ObjectNode unknownField = (ObjectNode) JSON.readTree(payload);
        unknownField.put("attendees", 12);
        jdbc.sql("UPDATE snapshot_event_entry SET payload = ? WHERE aggregate_identifier = ?")
                .params(JSON.writeValueAsBytes(unknownField), meeting.toString()).update();
        assertThat(storage.readSnapshot(meeting.toString())).as("a field the aggregate does not have").isEmpty();

        jdbc.sql("UPDATE snapshot_event_entry SET payload = ?, payload_revision = 'ancienne' WHERE aggregate_identifier = ?")
                .params(payload, meeting.toString()).update();
        assertThat(storage.readSnapshot(meeting.toString())).as("another revision of the aggregate").isEmpty();

        assertThat(snapshot).isPositive();
        assertThat(recordFinalMinutes(meeting)).as("minutes version, from the events").isEqualTo(EVERY + 1);
    }

    /**
     * Asked for by a request whose transaction then rolls back (as the idempotency filter does
     * with a refused request), a snapshot holds only what was committed.
     */
    @Test
    void a_snapshot_asked_for_by_a_request_that_is_rolled_back_holds_none_of_it() {
        UUID group = group(gasp(), GroupKind.USERS);
        for (int i = 0; i < EVERY - 2; i++) {
            commands.sendAndWait(new AddMember(group, UUID.randomUUID(), "Membre " + i, null, null, DAY));
        }
        assertThat(snapshotSequence(group)).as("not yet: %s events", EVERY - 1).isNull();
        UUID refused = UUID.randomUUID();
        new TransactionTemplate(transactionManager).executeWithoutResult(request -> {
            commands.sendAndWait(new AddMember(group, refused, "Jamais enregistré", null, null, DAY));
            commands.sendAndWait(new AddMember(group, UUID.randomUUID(), "Jamais non plus", null, null, DAY));
            request.setRollbackOnly();
        });
        long snapshot = awaitSnapshot(group);
        assertThat(snapshot).as("the last committed event").isEqualTo(EVERY - 2);
        assertRoundTrips(Group.class, group, snapshot);
        assertThatThrownBy(() -> commands.sendAndWait(new RemoveMember(group, refused, DAY)))
                .isInstanceOf(NotFoundException.class);
    }

    /** The snapshot as Axon reads it back (Jackson, through the database) equals the state its events give. */
    private <T> T assertRoundTrips(Class<T> type, UUID id, long snapshotSequence) {
        DomainEventMessage<?> snapshot = storage.readSnapshot(id.toString()).orElseThrow();
        assertThat(snapshot.getSequenceNumber()).isEqualTo(snapshotSequence);
        assertThat(snapshot.getPayload()).isInstanceOf(type);
        T fromEvents = fromEvents(type, id, snapshotSequence);
        assertThat(snapshot.getPayload()).usingRecursiveComparison().isEqualTo(fromEvents);
        assertThat(snapshot.getPayload()).as("a state worth comparing")
                .usingRecursiveComparison().isNotEqualTo(fresh(type));
        return type.cast(snapshot.getPayload());
    }

    private <T> T fromEvents(Class<T> type, UUID id, long upTo) {
        List<? extends DomainEventMessage<?>> events = storage.readEvents(id.toString()).asStream()
                .filter(event -> event.getSequenceNumber() <= upTo).toList();
        EventSourcedAggregate<T> aggregate = EventSourcedAggregate.initialize(fresh(type),
                AnnotatedAggregateMetaModelFactory.inspectAggregate(type), null, NoSnapshotTriggerDefinition.TRIGGER);
        aggregate.initializeState(DomainEventStream.of(events.stream(), () -> upTo));
        return aggregate.getAggregateRoot();
    }

    private static <T> T fresh(Class<T> type) {
        try {
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Snapshots are taken on their own thread, after the request: wait for one, and for the
     * ones still asked for to be done (the latest stays the same for a while).
     */
    private long awaitSnapshot(UUID id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Long seen = null;
        int unchanged = 0;
        while (System.nanoTime() < deadline) {
            Long sequence = snapshotSequence(id);
            unchanged = sequence != null && sequence.equals(seen) ? unchanged + 1 : 0;
            if (unchanged == 4) {
                return sequence;
            }
            seen = sequence;
            sleep();
        }
        throw new AssertionError("no settled snapshot of " + id + " (latest: " + seen + ")");
    }

    private Long snapshotSequence(UUID id) {
        return jdbc.sql("SELECT sequence_number FROM snapshot_event_entry WHERE aggregate_identifier = ? "
                        + "ORDER BY sequence_number DESC LIMIT 1")
                .param(id.toString()).query(Long.class).optional().orElse(null);
    }

    /** Records one more version of the minutes and answers the version number the event carries. */
    private int recordFinalMinutes(UUID meeting) throws Exception {
        long sequence = commands.<Long>sendAndWait(new RecordMinutes(meeting, "Compte rendu final", DAY.plusDays(20)));
        JsonNode minutes = JSON.readTree(jdbc.sql("SELECT payload FROM domain_event_entry "
                        + "WHERE aggregate_identifier = ? AND sequence_number = ?")
                .params(meeting.toString(), sequence).query(byte[].class).single());
        return minutes.get("minutesVersion").asInt();
    }

    private void forgetEventsBefore(UUID id, long snapshotSequence) {
        int deleted = jdbc.sql("DELETE FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number <= ?")
                .params(id.toString(), snapshotSequence).update();
        assertThat(deleted).isEqualTo(snapshotSequence + 1);
    }

    private UUID gasp() {
        UUID gasp = UUID.randomUUID();
        commands.sendAndWait(new CreateGasp(gasp, "GASP de Cambrai", List.of("Cambrai"), DAY));
        return gasp;
    }

    private UUID group(UUID gasp, GroupKind kind) {
        UUID group = UUID.randomUUID();
        commands.sendAndWait(new CreateGroup(group, gasp, kind, "Groupe " + kind, DAY));
        return group;
    }

    private UUID jointMeeting(UUID gasp, LocalDate on) {
        UUID meeting = UUID.randomUUID();
        commands.sendAndWait(new HoldMeeting(meeting, gasp, MeetingKind.JOINT, null, on, 40, List.of()));
        return meeting;
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
