package fr.gasp.platform.axon;

import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.util.List;

/**
 * Axon's embedded event store, whose shared reader of new events can be told to look at once:
 * it is only woken by events this process stores itself, and otherwise polls. The query side
 * stores none; {@link StoredEventsListener} tells it when the command side has.
 */
public class WakeableEventStore extends EmbeddedEventStore {

    WakeableEventStore(Builder builder) {
        super(builder);
    }

    /** Events were committed by another process: the reader, if it is waiting, reads now. */
    public void newEventsStored() {
        afterCommit(List.of());
    }
}
