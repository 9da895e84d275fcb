package fr.gasp.query.web;

import fr.gasp.query.report.Dashboard.ThemeLine;
import fr.gasp.query.report.StepCounts;
import fr.gasp.query.web.report.ReportCharts;
import fr.gasp.query.web.report.ReportFonts;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The report's charts are SVG whose texts stay text, and a chart with nothing to show is left out. */
class ReportChartsTest {

    private final ReportCharts charts = new ReportCharts(new ReportFonts());

    @Test
    void a_theme_written_as_markup_is_drawn_as_escaped_text() {
        String svg = charts.themes(List.of(new ThemeLine("<script>alert(1)</script> & co", 2, 1, 0)));

        assertThat(svg).startsWith("<svg class=\"graphique-svg\" aria-hidden=\"true\"")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co")
                .doesNotContain("<script");
    }

    @Test
    void nothing_to_show_draws_no_chart() {
        assertThat(charts.themes(List.of())).isNull();
        assertThat(charts.steps(new StepCounts(0, 0, 0, 0, 0, 0, 0, 0))).isNull();
        assertThat(charts.steps(new StepCounts(3, 2, 2, 1, 0, 1, 0, 0))).contains("Soumises aux référents");
    }
}
