package fr.gasp.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessorCatchUpTest {

    @Test
    void reads_the_lag_gauge_out_of_the_prometheus_text() {
        String scrape = """
                # HELP gasp_readmodel_lag_events Events stored but not yet in the read models (-1: position unknown)
                # TYPE gasp_readmodel_lag_events gauge
                gasp_readmodel_lag_events{application="gasp-query-side"} 12345.0
                jvm_threads_live_threads 42.0
                """;
        assertThat(ProcessorCatchUp.parse(ProcessorCatchUp.gauge(ProcessorCatchUp.READ_MODELS), scrape)).hasValue(12345);
        assertThat(ProcessorCatchUp.parse(ProcessorCatchUp.gauge(ProcessorCatchUp.AUDIT_CHAIN), scrape + """
                gasp_audit_lag_events{application="gasp-query-side"} 7.0
                """)).hasValue(7);
    }

    @Test
    void an_unknown_position_or_no_gauge_is_no_figure() {
        Pattern readModels = ProcessorCatchUp.gauge(ProcessorCatchUp.READ_MODELS);
        assertThat(ProcessorCatchUp.parse(readModels, "gasp_readmodel_lag_events -1.0\n")).isEqualTo(OptionalLong.empty());
        assertThat(ProcessorCatchUp.parse(readModels, "gasp_readmodel_lag_events_other 3.0\njvm 1.0\n")).isEqualTo(OptionalLong.empty());
        assertThat(ProcessorCatchUp.parse(readModels, "gasp_audit_lag_events 3.0\n")).isEqualTo(OptionalLong.empty());
    }
}
