package fr.gasp.platform.axon;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The event store as the tracking processors read it: a processor's wait for new events is cut
 * into short waits (from the fetch delay), after each of which its stream looks again.
 *
 * <p>Why (issue 6): Axon's {@code EmbeddedEventStore} wakes a waiting stream only when its
 * shared reader has read new events, and that reader reads only while at least one stream
 * follows it. A stream that fell further behind than the cache (500 events, a quarter of a
 * second under the benchmark's load) reads the store on a stream of its own, and may follow the
 * shared reader again only from an event whose position (token) is exactly the one the shared
 * reader gave that event. With commands committing side by side, a position carries the events
 * still in flight when it was read (its gaps), which differ from one reader to the other: under
 * load a stream of its own seldom finds its way back. Once every processor thread was on one,
 * nothing woke them: each waited the whole second the processor asks for before looking at the
 * store again, then ran through a second of events, and the read models stayed up to a second
 * and a half behind for as long as the load lasted (the benchmark's bad runs).
 *
 * <p>Cut into short waits, a stream of its own queries the store after each (as the shared
 * reader does at each fetch delay), and one following the shared reader merely waits again on
 * it. The processor still sees one wait of the length it asked for, so it extends its claim on
 * its segment no more often than before. Each wait that found nothing doubles the next, up to
 * {@code longest}, and a wait that finds an event brings it back to the shortest: while events
 * come, a stream looks every {@code shortest}; at rest, a stream of its own (which may stay one
 * for long: its position must equal the shared reader's, gaps included) queries the store a few
 * times a second instead of fifty.
 */
public final class ShortWaitsForNewEvents implements StreamableMessageSource<TrackedEventMessage<?>> {

    /**
     * Longest short wait: the wait Axon's tracking processor asks for (its event availability
     * timeout), and its nanoseconds fit in the {@code int} a stream's wait takes.
     */
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(1);
    /** At rest, a stream of its own looks again after at most this many fetch delays (200 ms by default). */
    private static final int FETCH_DELAYS_AT_REST = 10;

    private final StreamableMessageSource<TrackedEventMessage<?>> events;
    private final long shortestNanos;
    private final long longestNanos;

    public ShortWaitsForNewEvents(StreamableMessageSource<TrackedEventMessage<?>> events, Duration shortest,
                                  Duration longest) {
        if (shortest.isNegative() || shortest.isZero() || longest.compareTo(shortest) < 0
                || longest.compareTo(LONGEST_WAIT) > 0) {
            throw new IllegalArgumentException("Short waits last from more than 0 to at most " + LONGEST_WAIT
                    + ", the shortest first: not " + shortest + " to " + longest);
        }
        this.events = events;
        this.shortestNanos = shortest.toNanos();
        this.longestNanos = longest.toNanos();
    }

    /**
     * The processors' short waits: the fetch delay while events come, up to ten fetch delays at
     * rest (a few queries a second per stream of its own rather than fifty; the first event after
     * a quiet spell still projected well within a person's patience), never more than a second.
     */
    public static ShortWaitsForNewEvents fromTheFetchDelay(StreamableMessageSource<TrackedEventMessage<?>> events,
                                                           Duration fetchDelay) {
        return new ShortWaitsForNewEvents(events, atMostTheLongest(fetchDelay),
                atMostTheLongest(fetchDelay.multipliedBy(FETCH_DELAYS_AT_REST)));
    }

    private static Duration atMostTheLongest(Duration wait) {
        return wait.compareTo(LONGEST_WAIT) < 0 ? wait : LONGEST_WAIT;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new LookingAgainOften(events.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return events.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return events.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return events.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return events.createTokenSince(duration);
    }

    /** A stream whose long waits are short ones in a row; everything else is the stream's own. */
    private final class LookingAgainOften implements TrackingEventStream {

        private final BlockingStream<TrackedEventMessage<?>> stream;
        /** The next short wait: the shortest after an event, twice the last after a wait that found none. */
        private long nextWaitNanos = shortestNanos;

        private LookingAgainOften(BlockingStream<TrackedEventMessage<?>> stream) {
            this.stream = stream;
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long left = unit.toNanos(timeout);
            long deadline = System.nanoTime() + left;
            while (true) {
                long wait = Math.min(left, nextWaitNanos);
                if (stream.hasNextAvailable((int) wait, TimeUnit.NANOSECONDS)) {
                    nextWaitNanos = shortestNanos;
                    return true;
                }
                if (wait == nextWaitNanos) {
                    nextWaitNanos = Math.min(longestNanos, 2 * nextWaitNanos);
                }
                left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
            }
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return stream.peek();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return stream.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            return stream.setOnAvailableCallback(callback);
        }

        @Override
        public void close() {
            stream.close();
        }
    }
}
