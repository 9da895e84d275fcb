package fr.gasp.query.proposal;

import fr.gasp.events.proposal.ProposalStatus;
import fr.gasp.platform.problem.NotFoundException;
import fr.gasp.query.common.ReadYourWrites;
import fr.gasp.query.proposal.ProposalViews.Detail;
import fr.gasp.query.proposal.ProposalViews.Filter;
import fr.gasp.query.proposal.ProposalViews.HistoryEntry;
import fr.gasp.query.proposal.ProposalViews.Page;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Proposals as the read model has them: lists, one proposal, its history. */
@RestController
@RequestMapping("/api/proposals")
public class ProposalQueryController {

    private final ProposalQueries proposals;
    private final ProposalDetails details;
    private final ReadYourWrites readYourWrites;
    private final ProposalAsOf asOf;

    public ProposalQueryController(ProposalQueries proposals, ProposalDetails details, ReadYourWrites readYourWrites,
                                   ProposalAsOf asOf) {
        this.proposals = proposals;
        this.details = details;
        this.readYourWrites = readYourWrites;
        this.asOf = asOf;
    }

    @GetMapping
    public Page list(@RequestParam(required = false) UUID gaspId,
                     @RequestParam(required = false) ProposalStatus status,
                     @RequestParam(required = false) UUID groupId,
                     @RequestParam(required = false) @Size(max = 100) String theme,
                     @RequestParam(required = false) @Min(1900) @Max(2999) Integer year,
                     @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
                     @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return proposals.list(new Filter(gaspId, status, groupId, theme, year), page, size, asOf);
    }

    /** With {@code asOf}, the proposal as it stood on that business date, rebuilt from its events. */
    @GetMapping("/{id}")
    public Detail get(@PathVariable UUID id, @RequestParam(required = false) @Min(0) Long minVersion,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        readYourWrites.awaitVersion(id, minVersion, () -> proposals.version(id), "La proposition " + id);
        Detail current = details.of(id).orElseThrow(() -> new NotFoundException("La proposition", id));
        if (asOf == null) {
            return current;
        }
        return this.asOf.of(current, proposals.history(id), asOf).orElseThrow(() -> new NotFoundException(
                "La proposition " + id + " n'avait pas encore été émise le " + asOf + "."));
    }

    @GetMapping("/{id}/history")
    public List<HistoryEntry> history(@PathVariable UUID id, @RequestParam(required = false) @Min(0) Long minVersion) {
        readYourWrites.awaitVersion(id, minVersion, () -> proposals.version(id), "La proposition " + id);
        List<HistoryEntry> history = proposals.history(id);
        if (history.isEmpty()) {
            throw new NotFoundException("La proposition", id);
        }
        return history;
    }
}
