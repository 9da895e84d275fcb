package fr.gasp.platform.axon;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How a processor's wait is cut: each short wait that found nothing doubles the next, up to the
 * longest; one that finds an event brings it back to the shortest. (That a stream of its own
 * then sees new events is {@code EventStoreTailingTest}'s, on PostgreSQL.)
 */
class ShortWaitsForNewEventsTest {

    private static final Duration SHORTEST = Duration.ofMillis(2);
    private static final Duration LONGEST = Duration.ofMillis(16);

    private final RecordedWaits stream = new RecordedWaits();
    private final BlockingStream<TrackedEventMessage<?>> shortWaits =
            new ShortWaitsForNewEvents(token -> stream, SHORTEST, LONGEST).openStream(null);

    @Test
    void a_wait_is_cut_into_waits_that_double_while_nothing_comes_up_to_the_longest() throws Exception {
        assertThat(shortWaits.hasNextAvailable(100, TimeUnit.MILLISECONDS)).isFalse();

        assertThat(stream.waitsMillis()).startsWith(2L, 4L, 8L, 16L, 16L, 16L);
        assertThat(stream.waitsMillis()).allSatisfy(wait -> assertThat(wait).isLessThanOrEqualTo(16L));
    }

    @Test
    void an_event_found_brings_the_next_wait_back_to_the_shortest() throws Exception {
        shortWaits.hasNextAvailable(40, TimeUnit.MILLISECONDS);
        stream.eventAvailable = true;
        assertThat(shortWaits.hasNextAvailable(40, TimeUnit.MILLISECONDS)).isTrue();
        stream.eventAvailable = false;
        stream.waits.clear();

        shortWaits.hasNextAvailable(10, TimeUnit.MILLISECONDS);

        assertThat(stream.waitsMillis()).startsWith(2L, 4L);
    }

    @Test
    void asking_without_waiting_asks_the_stream_once_and_does_not_lengthen_the_next_wait() throws Exception {
        assertThat(shortWaits.hasNextAvailable()).isFalse();
        assertThat(stream.waits).containsExactly(0L);

        shortWaits.hasNextAvailable(5, TimeUnit.MILLISECONDS);

        assertThat(stream.waitsMillis()).startsWith(0L, 2L);
    }

    @Test
    void from_the_fetch_delay_the_waits_go_from_it_to_ten_of_it() throws Exception {
        BlockingStream<TrackedEventMessage<?>> fromTheDelay =
                ShortWaitsForNewEvents.fromTheFetchDelay(token -> stream, SHORTEST).openStream(null);

        fromTheDelay.hasNextAvailable(100, TimeUnit.MILLISECONDS);

        assertThat(stream.waitsMillis()).startsWith(2L, 4L, 8L, 16L, 20L, 20L);
    }

    @Test
    void from_a_fetch_delay_over_a_second_the_waits_last_a_second() throws Exception {
        BlockingStream<TrackedEventMessage<?>> fromTheDelay =
                ShortWaitsForNewEvents.fromTheFetchDelay(token -> stream, Duration.ofSeconds(5)).openStream(null);

        fromTheDelay.hasNextAvailable(1_200, TimeUnit.MILLISECONDS);

        assertThat(stream.waitsMillis()).first().isEqualTo(1_000L);
    }

    @Test
    void waits_must_be_positive_the_shortest_first_and_at_most_a_second() {
        StreamableMessageSource<TrackedEventMessage<?>> events = token -> stream;
        assertThatThrownBy(() -> new ShortWaitsForNewEvents(events, Duration.ZERO, LONGEST))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ShortWaitsForNewEvents(events, LONGEST, SHORTEST))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ShortWaitsForNewEvents(events, SHORTEST, Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A stream that waits as long as it is asked, notes it, and has an event when told to. */
    private static final class RecordedWaits implements BlockingStream<TrackedEventMessage<?>> {

        private final List<Long> waits = new ArrayList<>();
        private volatile boolean eventAvailable;

        List<Long> waitsMillis() {
            return waits.stream().map(TimeUnit.NANOSECONDS::toMillis).toList();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            waits.add(unit.toNanos(timeout));
            if (eventAvailable) {
                return true;
            }
            unit.sleep(timeout);
            return false;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return Optional.empty();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() {
            throw new UnsupportedOperationException("no event in this stream");
        }

        @Override
        public void close() {
        }
    }
}
