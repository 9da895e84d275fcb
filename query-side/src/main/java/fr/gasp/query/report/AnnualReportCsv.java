package fr.gasp.query.report;

import fr.gasp.query.common.Csv;
import fr.gasp.query.report.ProposalFacts.ActiveProposal;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The year as a spreadsheet: one row per proposal active that year (a step in it), with
 * French column names, comma-separated and quoted as RFC 4180 says. A byte-order mark
 * first, so that spreadsheet software opens the accents right.
 */
@Component
public class AnnualReportCsv {

    private static final List<String> HEADER = List.of("identifiant", "titre", "groupe", "type_de_groupe",
            "thematiques", "emise_le", "statut_fin_de_periode", "etapes_dans_l_annee", "derniere_decision",
            "decidee_le", "motif", "realisee_le", "resultat");

    private final ProposalFacts facts;
    private final ComputedFigures computed;

    public AnnualReportCsv(ProposalFacts facts, ComputedFigures computed) {
        this.facts = facts;
        this.computed = computed;
    }

    private record Question(UUID gaspId, int year, LocalDate asOf) {
    }

    /** The spreadsheet of a year as it stands on {@code asOf}, remembered while the read models do not move. */
    public String write(UUID gaspId, int year, LocalDate asOf) {
        return computed.get(new Question(gaspId, year, asOf), () -> compute(gaspId, year, asOf));
    }

    /** The same, as the bytes sent (UTF-8), remembered likewise. */
    public byte[] bytes(UUID gaspId, int year, LocalDate asOf) {
        return computed.get(new AsBytes(new Question(gaspId, year, asOf)),
                () -> write(gaspId, year, asOf).getBytes(StandardCharsets.UTF_8));
    }

    private record AsBytes(Question question) {
    }

    private String compute(UUID gaspId, int year, LocalDate asOf) {
        StringBuilder csv = new StringBuilder(Csv.BYTE_ORDER_MARK);
        line(csv, HEADER);
        for (ActiveProposal proposal : facts.activeProposals(gaspId, ReportPeriod.of(year, asOf))) {
            line(csv, List.of(proposal.proposalId().toString(), proposal.title(), text(proposal.groupName()),
                    text(proposal.groupKind()), String.join(" | ", proposal.themes()), text(proposal.raisedOn()),
                    proposal.statusAtEnd().name(), Long.toString(proposal.stepsInPeriod()),
                    decision(proposal.lastDecisionType()), text(proposal.lastDecisionOn()),
                    text(proposal.lastDecisionRationale()), text(proposal.completedOn()), text(proposal.outcome())));
        }
        return csv.toString();
    }

    private static String decision(String stepType) {
        if (stepType == null) {
            return "";
        }
        return switch (stepType) {
            case StepTypes.VALIDATED -> "VALIDATED";
            case StepTypes.REJECTED -> "REJECTED";
            default -> "UNDER_STUDY";
        };
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static void line(StringBuilder csv, List<String> cells) {
        Csv.line(csv, cells);
    }
}
