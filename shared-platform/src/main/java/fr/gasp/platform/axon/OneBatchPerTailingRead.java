package fr.gasp.platform.axon;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.util.stream.Stream;

/**
 * The event storage as Axon's {@code EmbeddedEventStore} is given it: a read that may block
 * (only its shared reader of new events asks for one) ends after one batch; everything else
 * goes to the storage untouched.
 *
 * <p>Why: that reader keeps, on its stack, the newest event it held when a read began and
 * reads until the store has nothing more; each event it caches links to the next one, so every
 * event of one read stays in memory until the read ends, whatever the cache's size. After a
 * bulk of events (a migration, a restore, the benchmark's 300,000 or 1,000,000) one read is
 * the whole bulk: the query side ran out of memory, and a heap dump showed the oldest cached
 * event held by that thread's frame (issue 6; Axon issue 2954 describes the symptom). Ending
 * each read after a batch makes the reader, which found events, start the next read at once
 * from where it stopped: same events, same order, same pace, and at most one batch besides
 * the cache in memory.
 */
final class OneBatchPerTailingRead extends DelegatingEventStorage {

    private final int batch;

    OneBatchPerTailingRead(EventStorageEngine storage, int batch) {
        super(storage);
        if (batch <= 0) {
            throw new IllegalArgumentException("batch must be positive, got " + batch);
        }
        this.batch = batch;
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        Stream<? extends TrackedEventMessage<?>> events = super.readEvents(trackingToken, mayBlock);
        return mayBlock ? events.limit(batch) : events;
    }
}
