package fr.gasp.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class ReadModelCatchUpTest {

    @Test
    void reads_the_lag_gauge_out_of_the_prometheus_text() {
        String scrape = """
                # HELP gasp_readmodel_lag_events Events stored but not yet in the read models (-1: position unknown)
                # TYPE gasp_readmodel_lag_events gauge
                gasp_readmodel_lag_events{application="gasp-query-side"} 12345.0
                jvm_threads_live_threads 42.0
                """;
        assertThat(ReadModelCatchUp.parse(scrape)).hasValue(12345);
    }

    @Test
    void an_unknown_position_or_no_gauge_is_no_figure() {
        assertThat(ReadModelCatchUp.parse("gasp_readmodel_lag_events -1.0\n")).isEqualTo(OptionalLong.empty());
        assertThat(ReadModelCatchUp.parse("gasp_readmodel_lag_events_other 3.0\njvm 1.0\n")).isEqualTo(OptionalLong.empty());
    }
}
