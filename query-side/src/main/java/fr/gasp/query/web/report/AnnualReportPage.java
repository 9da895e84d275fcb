package fr.gasp.query.web.report;

import fr.gasp.query.report.AnnualReportCsv;
import fr.gasp.query.web.GaspPicker;
import fr.gasp.query.web.GaspPicker.Picked;
import fr.gasp.query.web.PageController;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.UUID;

/**
 * The annual report for people signed in: the page (printable), and its PDF and CSV, made by
 * the same generators as the API's.
 */
@PageController
public class AnnualReportPage {

    private final GaspPicker picker;
    private final AnnualReportDocument document;
    private final AnnualReportCsv csv;

    public AnnualReportPage(GaspPicker picker, AnnualReportDocument document, AnnualReportCsv csv) {
        this.picker = picker;
        this.document = document;
        this.csv = csv;
    }

    /** The report of the current year, or of the year picked in the form. */
    @GetMapping("/reports/annual")
    public String currentYear(@RequestParam(required = false) UUID gaspId,
                              @RequestParam(required = false) @Min(1900) @Max(2999) Integer year) {
        UriComponentsBuilder target = UriComponentsBuilder.fromPath("/reports/annual/{year}");
        if (gaspId != null) {
            target.queryParam("gaspId", gaspId);
        }
        return "redirect:" + target.buildAndExpand(year == null ? picker.today().getYear() : year).toUriString();
    }

    @GetMapping("/reports/annual/{year}")
    public String report(@PathVariable @Min(1900) @Max(2999) int year,
                         @RequestParam(required = false) UUID gaspId, Model model) {
        Picked picked = picker.pick(gaspId);
        model.addAttribute("nav", "rapport");
        model.addAttribute("picked", picked);
        model.addAttribute("gaspId", picked.gaspId());
        model.addAttribute("year", year);
        if (picked.gasp() != null) {
            model.addAllAttributes(document.model(picked.gasp(), year, picked.today()));
        }
        return "reports/annual";
    }

    @GetMapping("/reports/annual/{year}.pdf")
    public ResponseEntity<byte[]> pdf(@PathVariable @Min(1900) @Max(2999) int year,
                                      @RequestParam(required = false) UUID gaspId) {
        Picked picked = picker.pick(gaspId);
        return ReportDownloads.pdf(year, document.pdf(picked.required(), year, picked.today()));
    }

    @GetMapping("/reports/annual/{year}.csv")
    public ResponseEntity<byte[]> csv(@PathVariable @Min(1900) @Max(2999) int year,
                                      @RequestParam(required = false) UUID gaspId) {
        Picked picked = picker.pick(gaspId);
        return ReportDownloads.csv(year, csv.write(picked.required().id(), year, picked.today()));
    }
}
