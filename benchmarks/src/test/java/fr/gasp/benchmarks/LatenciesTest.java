package fr.gasp.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LatenciesTest {

    @Test
    void percentiles_are_nearest_rank_in_milliseconds() {
        Latencies latencies = new Latencies();
        for (int ms = 100; ms >= 1; ms--) {
            latencies.add(ms * 1_000_000L);
        }
        assertThat(latencies.percentileMillis(50)).isEqualTo(50.0);
        assertThat(latencies.percentileMillis(99)).isEqualTo(99.0);
        assertThat(latencies.percentileMillis(99.9)).isEqualTo(100.0);
        assertThat(latencies.maxMillis()).isEqualTo(100.0);
        assertThat(latencies.percentileMillis(0)).isEqualTo(1.0);
    }

    @Test
    void no_sample_is_not_a_number_rather_than_zero() {
        assertThat(new Latencies().percentileMillis(50)).isNaN();
    }
}
