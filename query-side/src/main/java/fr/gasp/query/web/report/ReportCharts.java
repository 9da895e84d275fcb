package fr.gasp.query.web.report;

import fr.gasp.query.report.Dashboard.MeetingLine;
import fr.gasp.query.report.Dashboard.ThemeLine;
import fr.gasp.query.report.StepCounts;
import fr.gasp.query.web.French;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.title.LegendTitle;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.awt.Color;
import java.awt.Rectangle;
import java.text.NumberFormat;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The annual report's charts, drawn on the server as SVG: the same drawing on the page, on
 * paper and in the PDF, with no script. JFreeSVG escapes every text it writes, so a title
 * typed by a person cannot turn into markup. Each chart is an illustration only: the page
 * gives its figures in a table beside it.
 */
@Component
public class ReportCharts {

    static final Color BLUE = new Color(0x1f3c88);
    static final Color GREEN = new Color(0x1f6f43);
    static final Color SLATE = new Color(0x5a6b8c);
    static final Color LIGHT = new Color(0x7d8bab);
    static final Color INK = new Color(0x1e1e1e);
    static final int WIDTH = 640;
    /** The largest number of themes a chart shows; the table beside it lists them all. */
    static final int MAX_THEMES = 12;

    private static final Logger log = LoggerFactory.getLogger(ReportCharts.class);

    private final ReportFonts fonts;
    private final AtomicLong ids = new AtomicLong();

    public ReportCharts(ReportFonts fonts) {
        this.fonts = fonts;
    }

    /** How many proposals had each step in the year; {@code null} when none had any. */
    public String steps(StepCounts counts) {
        if (counts.raised() + counts.discussed() + counts.submitted() + counts.validated() + counts.rejected()
                + counts.underStudy() + counts.implemented() + counts.withdrawn() == 0) {
            return null;
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String series = "Propositions";
        data.addValue(counts.raised(), series, "Émises");
        data.addValue(counts.discussed(), series, "Discutées");
        data.addValue(counts.submitted(), series, "Soumises aux référents");
        data.addValue(counts.validated(), series, "Validées");
        data.addValue(counts.rejected(), series, "Rejetées");
        data.addValue(counts.underStudy(), series, "Mises à l'étude");
        data.addValue(counts.implemented(), series, "Réalisées");
        data.addValue(counts.withdrawn(), series, "Retirées");
        return svg(() -> bars(data, false, false, BLUE), "etapes", WIDTH, height(8, 1),
                "Graphique en barres : propositions de l'année par étape franchie.");
    }

    /** Meetings held against the cadence, body by body; {@code null} when it cannot be drawn. */
    public String meetings(List<MeetingLine> lines, French french) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (MeetingLine line : lines) {
            String body = french.body(line.groupName(), line.kind());
            data.addValue(line.held(), "Tenues", body);
            data.addValue(line.expected(), "Prévues", body);
        }
        return svg(() -> bars(data, true, false, BLUE, LIGHT), "reunions", WIDTH, height(lines.size(), 2),
                "Graphique en barres : réunions tenues et prévues par instance.");
    }

    /** The themes most raised in the year: raised, validated, implemented; {@code null} when there is none. */
    public String themes(List<ThemeLine> lines) {
        if (lines.isEmpty()) {
            return null;
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        lines.stream()
                .sorted(Comparator.comparingLong(ThemeLine::raised).reversed().thenComparing(ThemeLine::theme))
                .limit(MAX_THEMES)
                .forEach(line -> {
                    data.addValue(line.raised(), "Émises", line.theme());
                    data.addValue(line.validated(), "Validées", line.theme());
                    data.addValue(line.implemented(), "Réalisées", line.theme());
                });
        return svg(() -> bars(data, true, true, SLATE, BLUE, GREEN), "thematiques", WIDTH,
                height(Math.min(lines.size(), MAX_THEMES), 3),
                "Graphique en barres : propositions émises, validées et réalisées par thématique.");
    }

    /** Room for each category's bars, plus the axis and legend. */
    private static int height(int categories, int seriesPerCategory) {
        int perCategory = 10 + 14 * seriesPerCategory;
        return Math.max(120, 70 + Math.max(1, categories) * perCategory);
    }

    /** Horizontal bars, each with its figure; {@code quietZeros} leaves a zero unlabelled where it would only clutter. */
    private JFreeChart bars(DefaultCategoryDataset data, boolean legend, boolean quietZeros, Color... colours) {
        CategoryAxis categories = new CategoryAxis();
        categories.setTickLabelFont(fonts.chart(11f));
        categories.setTickLabelPaint(INK);
        categories.setMaximumCategoryLabelWidthRatio(0.4f);
        categories.setMaximumCategoryLabelLines(2);
        categories.setCategoryMargin(0.2);
        categories.setAxisLineVisible(false);
        categories.setTickMarksVisible(false);
        // Every bar carries its figure: an axis of values would only repeat them.
        NumberAxis values = new NumberAxis();
        values.setVisible(false);
        values.setUpperMargin(0.12);
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setItemMargin(0.04);
        renderer.setMaximumBarWidth(0.6);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                NumberFormat.getIntegerInstance(French.LOCALE)) {
            @Override
            public String generateLabel(CategoryDataset dataset, int row, int column) {
                Number value = dataset.getValue(row, column);
                return quietZeros && (value == null || value.longValue() == 0) ? null
                        : super.generateLabel(dataset, row, column);
            }
        });
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultPositiveItemLabelPosition(
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        renderer.setItemLabelAnchorOffset(4);
        renderer.setDefaultItemLabelFont(fonts.chart(10f));
        renderer.setDefaultItemLabelPaint(INK);
        for (int i = 0; i < colours.length; i++) {
            renderer.setSeriesPaint(i, colours[i]);
        }
        CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setDomainGridlinesVisible(false);
        plot.setInsets(new RectangleInsets(4, 4, 4, 12));
        JFreeChart chart = new JFreeChart(null, fonts.chart(12f), plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setBorderVisible(false);
        LegendTitle key = chart.getLegend();
        if (key != null) {
            key.setFrame(BlockBorder.NONE);
            key.setItemFont(fonts.chart(11f));
            key.setItemPaint(INK);
            key.setBackgroundPaint(Color.WHITE);
        }
        return chart;
    }

    /**
     * The chart as an {@code <svg>} element that scales to its container. On a page assistive
     * tools skip it (the table beside it says the same); in the tagged PDF its {@code alt} names it.
     */
    private String svg(Supplier<JFreeChart> chart, String name, int width, int height, String alt) {
        try {
            return draw(chart.get(), name, width, height, alt);
        } catch (RuntimeException | LinkageError e) {
            // Java's font machinery missing from a stripped-down runtime: the report goes out without its charts.
            log.warn("Chart {} could not be drawn; the report goes without it", name, e);
            return null;
        }
    }

    private String draw(JFreeChart chart, String name, int width, int height, String alt) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        g2.setDefsKeyPrefix(name + "-" + ids.incrementAndGet() + "-");
        g2.setFontFunction(family -> ReportFonts.FAMILY.equals(family)
                ? "\"DejaVu Sans\", Verdana, Arial, sans-serif" : family);
        chart.draw(g2, new Rectangle(0, 0, width, height));
        // Sized in points (a CSS pixel is 0.75 pt) so that the PDF printer and the browser agree.
        String svg = g2.getSVGElement(null, false, new ViewBox(0, 0, width, height), null, null);
        return svg.replaceFirst("<svg ", "<svg class=\"graphique-svg\" aria-hidden=\"true\" focusable=\"false\" "
                + "alt=\"" + alt + " Les chiffres sont dans le tableau qui suit.\" "
                + "width=\"" + width * 3 / 4 + "pt\" height=\"" + height * 3 / 4 + "pt\" ");
    }
}
