package fr.gasp.query.audit;

import fr.gasp.query.audit.AuditLog.Head;
import fr.gasp.query.audit.AuditLog.NewRow;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Every event, of every aggregate, into the audit log, with the next link of the hash chain
 * over its stored form (see {@code package-info.java}). Rows are added in the transaction that
 * moves the audit processor's token, so an event is chained exactly once; the events of a batch
 * are read and written together ({@link AuditBatch}).
 */
@Component
@ProcessingGroup(AuditProcessor.PROCESSING_GROUP)
public class AuditProjector {

    private static final ClassValue<Method> BUSINESS_DATE = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            if (!type.isRecord()) {
                return null;
            }
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.getName().equals("occurredOn") && component.getType() == LocalDate.class) {
                    return component.getAccessor();
                }
            }
            return null;
        }
    };

    private final StoredEvents store;
    private final AuditLog log;
    private final AuditSummaries summaries;
    private final AuditSubjects subjects;
    private final EventStorageEngine storage;
    private final Clock clock;

    public AuditProjector(StoredEvents store, AuditLog log, AuditSummaries summaries, AuditSubjects subjects,
                          EventStorageEngine storage, Clock clock) {
        this.store = store;
        this.log = log;
        this.summaries = summaries;
        this.subjects = subjects;
        this.storage = storage;
        this.clock = clock;
    }

    /** Not on a replay: the chain records the first sight of each event, and a replay is not one. */
    @EventHandler
    @DisallowReplay
    void on(Object payload, EventMessage<?> event, TrackingToken token, UnitOfWork<?> unitOfWork) {
        AuditBatch batch = AuditBatch.of(unitOfWork, store::byIdentifiers, this::send);
        StoredEvent stored = stored(batch, event);
        if (batch.head(log::head).isEmpty()) {
            chainEventsReadBeforeTheAuditExisted(batch, stored.globalIndex(), token);
        }
        add(batch, payload, event, stored);
    }

    /** Just before the batch commits, in its transaction: the chain's new links, then the names learnt. */
    private void send(AuditBatch batch) {
        log.addAll(batch.rows());
        subjects.nameAll(batch.learnt());
    }

    /**
     * On a database whose read model had processed events before this projection existed (its
     * processor then started where the read model's stood, migration V6): the events the
     * processor went past, before this one, are chained first, as they are stored now.
     */
    private void chainEventsReadBeforeTheAuditExisted(AuditBatch batch, long globalIndex, TrackingToken token) {
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> earlier = events.iterator();
            while (earlier.hasNext()) {
                TrackedEventMessage<?> event = earlier.next();
                StoredEvent stored = stored(batch, event);
                if (stored.globalIndex() >= globalIndex) {
                    return;
                }
                if (AuditPosition.passed(token, stored.globalIndex())) {
                    add(batch, event.getPayload(), event, stored);
                }
            }
        }
    }

    private void add(AuditBatch batch, Object payload, EventMessage<?> event, StoredEvent stored) {
        Head head = batch.head(log::head).orElse(new Head(0, AuditChain.SEED));
        String hash = AuditChain.next(head.hash(), stored);
        LocalDate occurredOn = businessDate(payload);
        OffsetDateTime recordedAt = OffsetDateTime.ofInstant(event.getTimestamp(), ZoneOffset.UTC);
        LocalDate auditDate = occurredOn != null ? occurredOn
                : LocalDate.ofInstant(event.getTimestamp(), clock.getZone());
        String eventType = StoredEvent.simpleName(event.getPayloadType().getName());
        batch.add(new NewRow(head.position() + 1, stored, stored.type(), eventType, occurredOn, recordedAt, auditDate,
                text(event.getMetaData().get("actor")), text(event.getMetaData().get("role")),
                summaries.summarize(payload), hash));
    }

    /** The stored row of the event, read back rather than rebuilt from the deserialized message. */
    private StoredEvent stored(AuditBatch batch, EventMessage<?> event) {
        return batch.stored(event.getIdentifier(), store::byIdentifier).orElseThrow(() -> new IllegalStateException(
                "L'événement " + event.getIdentifier() + " n'est plus dans le magasin d'événements alors qu'il vient "
                        + "d'être lu : il a été supprimé. La chaîne d'audit ne peut pas l'enregistrer."));
    }

    /** {@code occurredOn}, which every event of this service carries; {@code null} for one that would not. */
    private static LocalDate businessDate(Object payload) {
        Method accessor = BUSINESS_DATE.get(payload.getClass());
        if (accessor == null) {
            return null;
        }
        try {
            return (LocalDate) accessor.invoke(payload);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read occurredOn of " + payload.getClass().getName(), e);
        }
    }

    private static String text(Object value) {
        return Objects.toString(value, null);
    }
}
