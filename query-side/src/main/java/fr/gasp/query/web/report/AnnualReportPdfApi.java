package fr.gasp.query.web.report;

import fr.gasp.query.report.GaspChoice;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/** The annual report as PDF over the API (HTTP Basic, problem+json errors like the rest of the API). */
@RestController
public class AnnualReportPdfApi {

    private final GaspChoice gasps;
    private final AnnualReportDocument document;
    private final Clock clock;

    public AnnualReportPdfApi(GaspChoice gasps, AnnualReportDocument document, Clock clock) {
        this.gasps = gasps;
        this.document = document;
        this.clock = clock;
    }

    @GetMapping("/api/reports/annual/{year}.pdf")
    public ResponseEntity<byte[]> annualReportPdf(@PathVariable @Min(1900) @Max(2999) int year,
                                                  @RequestParam(required = false) UUID gaspId) {
        return ReportDownloads.pdf(year, document.pdf(gasps.of(gaspId), year, LocalDate.now(clock)));
    }
}
