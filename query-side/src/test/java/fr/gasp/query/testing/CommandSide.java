package fr.gasp.query.testing;

import fr.gasp.events.meeting.MeetingHeld;
import fr.gasp.events.meeting.MeetingKind;
import fr.gasp.events.meeting.MinutesRecorded;
import fr.gasp.events.meeting.RestitutionHeld;
import fr.gasp.events.organisation.Cadence;
import fr.gasp.events.organisation.GaspCadenceSet;
import fr.gasp.events.organisation.GaspCreated;
import fr.gasp.events.organisation.GroupCreated;
import fr.gasp.events.organisation.GroupKind;
import fr.gasp.events.organisation.MemberJoined;
import fr.gasp.events.organisation.MemberLeft;
import fr.gasp.events.organisation.MemberPersonalDataErased;
import fr.gasp.events.proposal.ProposalAmended;
import fr.gasp.events.proposal.ProposalDiscussed;
import fr.gasp.events.proposal.ProposalPresented;
import fr.gasp.events.proposal.ProposalPutUnderStudy;
import fr.gasp.events.proposal.ProposalRaised;
import fr.gasp.events.proposal.ProposalRejected;
import fr.gasp.events.proposal.ProposalSubmitted;
import fr.gasp.events.proposal.ProposalValidated;
import fr.gasp.query.audit.AuditProcessor;
import fr.gasp.query.common.ReadModel;
import fr.gasp.query.deadletter.EventSavepoints;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * What the command side records, written here directly: events appended to the store as its
 * aggregates append them (aggregate type, id, next sequence number, actor and role in the
 * metadata), and the member registry rows it keeps beside them.
 */
public final class CommandSide {

    private static final MetaData SECRETARIAT = MetaData.with("actor", "secretariat").and("role", "SECRETARIAT");
    private static final MetaData REFERENT = MetaData.with("actor", "referent").and("role", "REFERENT");
    private static final long PROJECTION_TIMEOUT_MILLIS = 15_000;

    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;

    CommandSide(EventStore eventStore, EventProcessingConfiguration processing, JdbcClient jdbc) {
        this.eventStore = eventStore;
        this.processing = processing;
        this.jdbc = jdbc;
    }

    public UUID gasp(String name, LocalDate on, String... communes) {
        UUID id = UUID.randomUUID();
        append("Gasp", id, new GaspCreated(id, name, List.of(communes), on), SECRETARIAT);
        return id;
    }

    public long cadence(UUID gaspId, Cadence cadence, LocalDate on) {
        return append("Gasp", gaspId, new GaspCadenceSet(gaspId, cadence, on), SECRETARIAT);
    }

    public UUID group(UUID gaspId, GroupKind kind, String name, LocalDate on) {
        UUID id = UUID.randomUUID();
        append("Group", id, new GroupCreated(id, gaspId, kind, name, on), SECRETARIAT);
        return id;
    }

    /** A member joins: the name goes to the registry, the event names the member by id only. */
    public UUID member(UUID groupId, String displayName, String institution, String role, LocalDate on) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO member_registry (member_id, group_id, display_name) VALUES (?, ?, ?)")
                .params(id, groupId, displayName)
                .update();
        joins(groupId, id, institution, role, on);
        return id;
    }

    public long joins(UUID groupId, UUID memberId, String institution, String role, LocalDate on) {
        return append("Group", groupId, new MemberJoined(groupId, memberId, institution, role, on), SECRETARIAT);
    }

    public long leaves(UUID groupId, UUID memberId, LocalDate on) {
        return append("Group", groupId, new MemberLeft(groupId, memberId, on), SECRETARIAT);
    }

    /** The registry forgets the name (RGPD); the event says so without naming anyone. */
    public long erase(UUID groupId, UUID memberId, LocalDate on) {
        forgetName(memberId);
        return append("Group", groupId, new MemberPersonalDataErased(groupId, memberId, on), SECRETARIAT);
    }

    /** The registry's half of an erasure alone, as it stands before its event is appended. */
    public void forgetName(UUID memberId) {
        jdbc.sql("UPDATE member_registry SET display_name = NULL, erased_at = ? WHERE member_id = ?")
                .params(OffsetDateTime.now(), memberId)
                .update();
    }

    public UUID meeting(UUID gaspId, MeetingKind kind, UUID groupId, LocalDate on, Integer attendeeCount,
                        UUID... attendees) {
        UUID id = UUID.randomUUID();
        append("Meeting", id, new MeetingHeld(id, gaspId, kind, groupId, on, attendeeCount, Arrays.asList(attendees)),
                SECRETARIAT);
        return id;
    }

    public long minutes(UUID meetingId, int minutesVersion, String text, LocalDate on) {
        return append("Meeting", meetingId, new MinutesRecorded(meetingId, minutesVersion, text, on), SECRETARIAT);
    }

    public long restitution(UUID meetingId, LocalDate on, UUID... proposalIds) {
        return append("Meeting", meetingId, new RestitutionHeld(meetingId, List.of(proposalIds), on), SECRETARIAT);
    }

    public UUID raise(UUID gaspId, UUID groupId, UUID meetingId, String title, LocalDate on) {
        UUID id = UUID.randomUUID();
        append("Proposal", id, new ProposalRaised(id, gaspId, groupId, meetingId, title, "Description de " + title,
                List.of("vie du quartier"), on), SECRETARIAT);
        return id;
    }

    public long amendTitle(UUID proposalId, String title, LocalDate on) {
        return append("Proposal", proposalId, new ProposalAmended(proposalId, title, null, null, on), SECRETARIAT);
    }

    public long discuss(UUID proposalId, UUID groupId, UUID meetingId, LocalDate on) {
        return append("Proposal", proposalId, new ProposalDiscussed(proposalId, groupId, meetingId, "Échanges", on),
                SECRETARIAT);
    }

    public long submit(UUID proposalId, UUID meetingId, LocalDate on) {
        return append("Proposal", proposalId, new ProposalSubmitted(proposalId, meetingId, null, on), SECRETARIAT);
    }

    public long validate(UUID proposalId, UUID meetingId, LocalDate on) {
        return append("Proposal", proposalId, new ProposalValidated(proposalId, meetingId, null, on), REFERENT);
    }

    public long reject(UUID proposalId, UUID meetingId, LocalDate on) {
        return append("Proposal", proposalId, new ProposalRejected(proposalId, meetingId, "Trop coûteux", on),
                REFERENT);
    }

    public long putUnderStudy(UUID proposalId, UUID meetingId, LocalDate on) {
        return append("Proposal", proposalId, new ProposalPutUnderStudy(proposalId, meetingId, "À chiffrer", on),
                REFERENT);
    }

    public long present(UUID proposalId, UUID meetingId, LocalDate on) {
        return append("Proposal", proposalId, new ProposalPresented(proposalId, meetingId, on), SECRETARIAT);
    }

    /** Appends one event as the next of its aggregate and answers its sequence number (the aggregate's version). */
    public long append(String aggregateType, UUID aggregateId, Object payload, MetaData metaData) {
        return append(aggregateType, aggregateId, payload, metaData, Instant.now());
    }

    /** The same, with the time stamp the command side would have given it ({@code recordedAt}). */
    public long append(String aggregateType, UUID aggregateId, Object payload, MetaData metaData, Instant recordedAt) {
        long sequence = eventStore.lastSequenceNumberFor(aggregateId.toString()).map(last -> last + 1).orElse(0L);
        eventStore.publish(new GenericDomainEventMessage<>(aggregateType, aggregateId.toString(), sequence,
                new GenericMessage<>(payload, metaData), recordedAt));
        return sequence;
    }

    /** Returns once the read models and the audit chain have applied every event appended so far. */
    public void awaitReadModel() {
        TrackingToken headToken = eventStore.createHeadToken();
        if (headToken == null) {
            return; // nothing stored yet
        }
        long head = headToken.position().orElse(-1);
        StreamingEventProcessor readModel = processing.eventProcessor(ReadModel.PROCESSING_GROUP,
                StreamingEventProcessor.class).orElseThrow();
        StreamingEventProcessor audit = processing.eventProcessor(AuditProcessor.PROCESSING_GROUP,
                StreamingEventProcessor.class).orElseThrow();
        List<StreamingEventProcessor> processors = List.of(readModel, audit);
        long deadline = System.currentTimeMillis() + PROJECTION_TIMEOUT_MILLIS;
        while (!(reached(readModel, ReadModel.SEGMENTS, head) && reached(audit, 1, head))) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("The read model did not reach position " + head + ": "
                        + processors.stream().map(StreamingEventProcessor::processingStatus).toList());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Every segment claimed here (one released, e.g. after losing its claim, has not) and at the head. */
    private static boolean reached(StreamingEventProcessor processor, int segments, long head) {
        var statuses = processor.processingStatus().values();
        for (EventTrackerStatus status : statuses) {
            // A batch rolled back to park a failing event is retried at once: not a failure of the read model.
            if (status.isErrorState() && !EventSavepoints.isRetryToPark(status.getError())) {
                throw new AssertionError("The read model failed", status.getError());
            }
        }
        return statuses.size() == segments && statuses.stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .allMatch(position -> position.orElse(-1) >= head);
    }
}
