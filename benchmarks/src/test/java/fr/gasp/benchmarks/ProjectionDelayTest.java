package fr.gasp.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectionDelayTest {

    private static final String BEFORE = """
            # HELP gasp_readmodel_projection_delay_seconds From an event's time stamp to the commit
            # TYPE gasp_readmodel_projection_delay_seconds histogram
            gasp_readmodel_projection_delay_seconds_bucket{application="gasp-query-side",le="0.05"} 10
            gasp_readmodel_projection_delay_seconds_bucket{application="gasp-query-side",le="0.1"} 10
            gasp_readmodel_projection_delay_seconds_bucket{application="gasp-query-side",le="0.2"} 10
            gasp_readmodel_projection_delay_seconds_bucket{application="gasp-query-side",le="+Inf"} 10
            gasp_readmodel_projection_delay_seconds_count{application="gasp-query-side"} 10
            gasp_readmodel_lag_events 0.0
            """;

    private static final String AFTER = """
            gasp_readmodel_projection_delay_seconds_bucket{application="gasp-query-side",le="0.05"} 60
            gasp_readmodel_projection_delay_seconds_bucket{application="gasp-query-side",le="0.1"} 105
            gasp_readmodel_projection_delay_seconds_bucket{application="gasp-query-side",le="0.2"} 109
            gasp_readmodel_projection_delay_seconds_bucket{application="gasp-query-side",le="+Inf"} 110
            """;

    @Test
    void a_phase_is_the_difference_of_two_readings_and_its_percentiles_are_bucket_bounds() {
        ProjectionDelay phase = ProjectionDelay.parse(AFTER).orElseThrow().since(ProjectionDelay.parse(BEFORE).orElseThrow());

        assertThat(phase.count()).isEqualTo(100);
        assertThat(phase.percentileBound(50)).isEqualTo(0.05);
        assertThat(phase.percentileBound(95)).isEqualTo(0.1);
        assertThat(phase.percentileBound(99)).isEqualTo(0.2);
        assertThat(phase.percentileBound(100)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(phase.summary()).isEqualTo("n=100, p50 ≤ 50.0 ms, p95 ≤ 100 ms, p99 ≤ 200 ms");
    }

    @Test
    void nothing_to_read_without_the_histogram() {
        assertThat(ProjectionDelay.parse("gasp_readmodel_lag_events 0.0\n")).isEmpty();
    }
}
