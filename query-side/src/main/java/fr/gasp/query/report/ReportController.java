package fr.gasp.query.report;

import fr.gasp.platform.problem.InvalidInputException;
import fr.gasp.query.organisation.OrganisationViews.GaspView;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/** The dashboard and the annual report as data (JSON, CSV). */
@RestController
public class ReportController {

    private final GaspChoice gasps;
    private final DashboardService dashboards;
    private final AnnualReportService reports;
    private final AnnualReportCsv csv;
    private final Clock clock;

    public ReportController(GaspChoice gasps, DashboardService dashboards, AnnualReportService reports,
                            AnnualReportCsv csv, Clock clock) {
        this.gasps = gasps;
        this.dashboards = dashboards;
        this.reports = reports;
        this.csv = csv;
        this.clock = clock;
    }

    // Sent as the JSON written once per state of the read models (ComputedFigures); the
    // schema stays the records' for the API's documentation.
    @GetMapping(value = "/api/dashboard", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Dashboard.class)))
    public ResponseEntity<byte[]> dashboard(@RequestParam(required = false) UUID gaspId,
                                            @RequestParam(required = false) @Min(1900) @Max(2999) Integer year,
                                            @RequestParam(required = false)
                                            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return json(dashboards.json(gasps.of(gaspId), year, asOf(asOf)));
    }

    @GetMapping(value = "/api/reports/annual/{year}", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AnnualReport.class)))
    public ResponseEntity<byte[]> annualReport(@PathVariable @Min(1900) @Max(2999) int year,
                                               @RequestParam(required = false) UUID gaspId) {
        return json(reports.json(gasps.of(gaspId), year, asOf(null)));
    }

    private static ResponseEntity<byte[]> json(byte[] body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @GetMapping(value = "/api/reports/annual/{year}.csv", produces = "text/csv")
    public ResponseEntity<byte[]> annualReportCsv(@PathVariable @Min(1900) @Max(2999) int year,
                                                  @RequestParam(required = false) UUID gaspId) {
        GaspView gasp = gasps.of(gaspId);
        byte[] body = csv.bytes(gasp.id(), year, asOf(null));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"gasp-" + year + ".csv\"")
                .body(body);
    }

    /** Today in the territory unless said otherwise; the future is not known yet. */
    private LocalDate asOf(LocalDate requested) {
        LocalDate today = LocalDate.now(clock);
        if (requested != null && requested.isAfter(today)) {
            throw new InvalidInputException("asOf", "la date (" + requested + ") ne peut pas être dans le futur");
        }
        return requested == null ? today : requested;
    }
}
