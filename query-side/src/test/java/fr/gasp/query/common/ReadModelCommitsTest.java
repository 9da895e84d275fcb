package fr.gasp.query.common;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Which commits wake a read waiting for its own write: those of its aggregate, and rebuilds. */
class ReadModelCommitsTest {

    private final ReadModelCommits commits = new ReadModelCommits();

    @Test
    void a_watch_moves_only_with_a_batch_holding_its_aggregate() {
        try (ReadModelCommits.Watch watch = commits.watch("a")) {
            long before = watch.stamp();

            commits.moved(List.of("b", "c"));
            assertThat(watch.stamp()).as("other aggregates' batch").isEqualTo(before);

            commits.moved(List.of("c", "a"));
            assertThat(watch.stamp()).isNotEqualTo(before);
        }
        assertThat(commits.count()).isEqualTo(2);
    }

    @Test
    void a_rebuild_moves_every_watch() {
        try (ReadModelCommits.Watch a = commits.watch("a"); ReadModelCommits.Watch b = commits.watch("b")) {
            long beforeA = a.stamp();
            long beforeB = b.stamp();

            commits.moved();

            assertThat(a.stamp()).isNotEqualTo(beforeA);
            assertThat(b.stamp()).isNotEqualTo(beforeB);
        }
    }

    @Test
    void two_readers_of_one_aggregate_each_keep_following_it_until_they_close() {
        ReadModelCommits.Watch first = commits.watch("a");
        try (ReadModelCommits.Watch second = commits.watch("a")) {
            first.close();
            long before = second.stamp();

            commits.moved(List.of("a"));

            assertThat(second.stamp()).as("still followed after the first reader left").isNotEqualTo(before);
        }
        try (ReadModelCommits.Watch again = commits.watch("a")) {
            assertThat(again.stamp()).as("forgotten once nobody followed it, so counted afresh").isZero();
        }
    }

    @Test
    void a_waiting_reader_is_woken_by_its_aggregate_and_not_by_others() throws Exception {
        try (ReadModelCommits.Watch watch = commits.watch("a")) {
            long seen = watch.stamp();
            long[] waitedMillis = new long[1];
            Thread reader = new Thread(() -> {
                long started = System.nanoTime();
                try {
                    watch.awaitChange(seen, TimeUnit.SECONDS.toMillis(30));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                waitedMillis[0] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            });
            reader.start();

            commits.moved(List.of("b"));
            reader.join(300);
            assertThat(reader.isAlive()).as("another aggregate's batch lets it sleep").isTrue();

            commits.moved(List.of("a"));
            reader.join(TimeUnit.SECONDS.toMillis(10));
            assertThat(reader.isAlive()).isFalse();
            assertThat(waitedMillis[0]).as("woken, not timed out").isLessThan(TimeUnit.SECONDS.toMillis(30));
        }
    }
}
