package fr.gasp.query.web.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import fr.gasp.query.organisation.OrganisationViews.GaspView;
import fr.gasp.query.report.AnnualReport;
import fr.gasp.query.report.AnnualReportService;
import fr.gasp.query.report.Dashboard;
import fr.gasp.query.report.DashboardService;
import fr.gasp.query.web.French;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;

/**
 * The annual restitution report as people read it: one model for the page and the PDF, and
 * the PDF itself, printed by openhtmltopdf from the same template as the page's content
 * ({@code reports/annual-content}), with DejaVu Sans embedded and the charts as vector SVG.
 */
@Component
public class AnnualReportDocument {

    private static final String PDF_TEMPLATE = "reports/annual-pdf";

    private final AnnualReportService reports;
    private final DashboardService dashboards;
    private final ReportCharts charts;
    private final ReportFonts fonts;
    private final French french;
    private final ITemplateEngine templates;

    public AnnualReportDocument(AnnualReportService reports, DashboardService dashboards, ReportCharts charts,
                                ReportFonts fonts, French french, ITemplateEngine templates) {
        this.reports = reports;
        this.dashboards = dashboards;
        this.charts = charts;
        this.fonts = fonts;
        this.french = french;
        this.templates = templates;
    }

    /** What the report's template reads: the report, the year's dashboard (status, themes, meetings) and the charts. */
    public Map<String, Object> model(GaspView gasp, int year, LocalDate today) {
        AnnualReport report = reports.build(gasp, year, today);
        Dashboard dashboard = dashboards.build(gasp, year, today);
        Map<String, Object> model = new HashMap<>();
        model.put("report", report);
        model.put("dashboard", dashboard);
        // A chart with nothing to show is left out; its table says so.
        Map<String, String> drawn = new HashMap<>();
        drawn.put("steps", charts.steps(report.proposals()));
        drawn.put("meetings", charts.meetings(dashboard.meetings(), french));
        drawn.put("themes", charts.themes(dashboard.byTheme()));
        model.put("charts", drawn);
        model.put("activeCount", dashboard.countsByStatus().values().stream().mapToLong(Long::longValue).sum());
        model.put("fr", french);
        model.put("today", today);
        return model;
    }

    public byte[] pdf(GaspView gasp, int year, LocalDate today) {
        Map<String, Object> model = model(gasp, year, today);
        model.put("pdf", true);
        String html = templates.process(PDF_TEMPLATE, new Context(French.LOCALE, model));
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            // Tagged PDF (PDF/UA): headings, tables and reading order for screen readers.
            builder.usePdfUaAccessibility(true);
            builder.withHtmlContent(html, staticResources());
            builder.useSVGDrawer(new BatikSVGDrawer());
            EnumSet<FSFontUseCase> everywhere = EnumSet.of(FSFontUseCase.DOCUMENT, FSFontUseCase.SVG,
                    FSFontUseCase.FALLBACK_PRE);
            builder.useFont(fonts::regular, ReportFonts.FAMILY, 400, FontStyle.NORMAL, true, everywhere);
            builder.useFont(fonts::bold, ReportFonts.FAMILY, 700, FontStyle.NORMAL, true, everywhere);
            builder.withProducer("GASP");
            builder.toStream(pdf);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Impression du rapport " + year + " impossible", e);
        }
        return pdf.toByteArray();
    }

    /** The PDF's stylesheet is read from the jar, where the pages' static files are. */
    private static String staticResources() {
        URL base = AnnualReportDocument.class.getResource("/static/");
        if (base == null) {
            throw new IllegalStateException("Ressources statiques absentes du paquet");
        }
        return base.toExternalForm();
    }
}
