package fr.gasp.platform.axon;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;

/**
 * How an aggregate is written in {@code snapshot_event_entry}: its own fields as JSON (the
 * aggregates have no getters nor Jackson annotations, and need none), read back only while the
 * aggregate class still has the revision the snapshot was taken with.
 *
 * <p>A snapshot is a cache of what the events say; a stale one must never win over them. So an
 * unknown field fails the read (the snapshot is then ignored and the events are read
 * instead), and a change of an aggregate's fields bumps its {@code @Revision}, which makes
 * every older snapshot of it ignored.
 */
public final class AggregateSnapshots {

    private static final Logger log = LoggerFactory.getLogger(AggregateSnapshots.class);

    private AggregateSnapshots() {
    }

    /** The event format's mapper (dates, modules), looking at fields instead of getters, and strict. */
    public static Serializer serializer(ObjectMapper json, RevisionResolver revisions) {
        ObjectMapper fields = json.copy()
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        return JacksonSerializer.builder()
                .objectMapper(fields)
                .revisionResolver(revisions)
                .converter(new ChainingConverter(AggregateSnapshots.class.getClassLoader()))
                .build();
    }

    /**
     * Only snapshots taken with the aggregate class's current revision, and that this
     * serializer can read: Axon reads a snapshot's payload lazily, after the point where it
     * would fall back to the events, so one that fails to read is refused here.
     */
    public static SnapshotFilter usable(Serializer serializer, RevisionResolver revisions) {
        return snapshot -> isCurrent(snapshot, revisions) && isReadable(snapshot, serializer);
    }

    private static boolean isCurrent(DomainEventData<?> snapshot, RevisionResolver revisions) {
        SerializedType type = snapshot.getPayload().getType();
        try {
            Class<?> aggregate = Class.forName(type.getName(), false, AggregateSnapshots.class.getClassLoader());
            return Objects.equals(revisions.revisionOf(aggregate), type.getRevision());
        } catch (ClassNotFoundException gone) {
            return false;
        }
    }

    private static boolean isReadable(DomainEventData<?> snapshot, Serializer serializer) {
        try {
            serializer.deserialize(snapshot.getPayload());
            return true;
        } catch (RuntimeException unreadable) {
            log.warn("Snapshot of {} at {} ignored, the events are read instead: {}", snapshot.getAggregateIdentifier(),
                    snapshot.getSequenceNumber(), unreadable.getMessage());
            return false;
        }
    }
}
