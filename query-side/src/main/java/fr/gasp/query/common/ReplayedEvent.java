package fr.gasp.query.common;

import org.axonframework.messaging.MetaData;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A stored event as a rebuild of the read models reads it: what a projector's handler gets
 * from Axon (payload, the aggregate's sequence number, the recording time and the metadata),
 * read straight from the store in one pass, and the payload's JSON as stored — what the
 * projectors' own serialization of the payload gives back, without the cost of redoing it.
 */
public record ReplayedEvent(long globalIndex, String aggregateIdentifier, long sequenceNumber, Instant timestamp,
                            Object payload, String payloadJson, MetaData metaData) {

    /** The recording time as the read models store it. */
    public OffsetDateTime recordedAt() {
        return OffsetDateTime.ofInstant(timestamp, ZoneOffset.UTC);
    }

    /** A metadata entry as text ({@code actor}, {@code role}), {@code null} when absent. */
    public String meta(String key) {
        return Objects.toString(metaData.get(key), null);
    }
}
