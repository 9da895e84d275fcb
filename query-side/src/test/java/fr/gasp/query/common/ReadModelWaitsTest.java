package fr.gasp.query.common;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** How long the processors wait for new events at rest, from the configured fetch delay. */
class ReadModelWaitsTest {

    @Test
    void at_rest_a_processor_looks_every_ten_fetch_delays() {
        assertThat(ReadModel.longestWaitAtRest(Duration.ofMillis(20))).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void while_events_come_a_processor_looks_every_fetch_delay() {
        assertThat(ReadModel.shortestWait(Duration.ofMillis(20))).isEqualTo(Duration.ofMillis(20));
    }

    @Test
    void never_waits_longer_than_the_second_the_processor_asks_for() {
        assertThat(ReadModel.longestWaitAtRest(Duration.ofMillis(500))).isEqualTo(Duration.ofSeconds(1));
        assertThat(ReadModel.longestWaitAtRest(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(1));
        assertThat(ReadModel.shortestWait(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(1));
    }
}
