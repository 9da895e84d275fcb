package fr.gasp.query.audit;

import fr.gasp.platform.problem.InvalidInputException;
import fr.gasp.query.audit.AuditViews.Filter;
import fr.gasp.query.audit.AuditViews.Page;
import fr.gasp.query.audit.AuditViews.Verification;
import fr.gasp.query.audit.ChainFingerprint.Fingerprint;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

/** The audit log of every stored event, its CSV export, and the checks of its hash chain. */
@RestController
public class AuditController {

    private final AuditLog log;
    private final AuditCsv csv;
    private final ChainVerification verification;
    private final ChainFingerprint fingerprints;
    private final Clock clock;

    public AuditController(AuditLog log, AuditCsv csv, ChainVerification verification, ChainFingerprint fingerprints,
                           Clock clock) {
        this.log = log;
        this.csv = csv;
        this.verification = verification;
        this.fingerprints = fingerprints;
        this.clock = clock;
    }

    /** Every stored event, oldest first; {@code from}/{@code to} bound the business date (else the recorded day). */
    @GetMapping("/api/audit")
    public Page list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                     @RequestParam(required = false) @Size(max = 255, message = "255 caractères au plus") String actor,
                     @RequestParam(required = false) @Pattern(regexp = "[A-Za-z][A-Za-z0-9]{0,99}",
                             message = "nom simple d'un type d'événement attendu (ex. ProposalValidated)") String type,
                     @RequestParam(defaultValue = "0") @Min(value = 0, message = "0 au moins")
                     @Max(value = 1_000_000, message = "1 000 000 au plus") int page,
                     @RequestParam(defaultValue = "50") @Min(value = 1, message = "1 au moins")
                     @Max(value = 500, message = "500 au plus") int size) {
        return log.page(filter(from, to, actor, type), page, size);
    }

    /** The same rows as {@code /api/audit}, all of them (no paging), as CSV. */
    @GetMapping("/api/audit.csv")
    public void csv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                    @RequestParam(required = false) @Size(max = 255, message = "255 caractères au plus") String actor,
                    @RequestParam(required = false) @Pattern(regexp = "[A-Za-z][A-Za-z0-9]{0,99}",
                            message = "nom simple d'un type d'événement attendu (ex. ProposalValidated)") String type,
                    HttpServletResponse response) throws IOException {
        Filter filter = filter(from, to, actor, type);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit.csv\"");
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        csv.write(filter, out);
        out.flush();
    }

    /** Recomputes the chain from the event store as stored now and names the first event that no longer matches. */
    @GetMapping("/api/audit/verify")
    public Verification verify() {
        return verification.verify();
    }

    /** The chain's head hash at the end of a day (events recorded by then), as printed in a report. */
    @GetMapping("/api/audit/fingerprint")
    public Fingerprint fingerprint(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        if (date.isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("date", "la date (" + date + ") ne peut pas être dans le futur");
        }
        return fingerprints.at(date);
    }

    private static Filter filter(LocalDate from, LocalDate to, String actor, String type) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidInputException("to", "la date de fin (" + to + ") précède celle de début (" + from + ")");
        }
        return new Filter(from, to, blankAsNone(actor), blankAsNone(type));
    }

    private static String blankAsNone(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
