package fr.gasp.query.report;

import fr.gasp.events.proposal.ProposalStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Questions asked of the step facts ({@code report_step}, {@code report_theme}). Every
 * count is of distinct proposals having a step of a type in the period (counted on the
 * steps flagged first of their type, see {@link #firstInPeriod}); every "as of" is the last
 * step on or before the period's end.
 */
@Repository
// In a read-only transaction: PostgreSQL's driver streams a result set (fetch size) only then.
@Transactional(readOnly = true)
public class ProposalFacts {

    /**
     * A common table expression giving {@code themes}: each proposal's themes as they stood
     * on the period's end, i.e. its latest theme rows dated on or before it (a proposal's
     * dates never go backwards, so these are the ones set by its last step by then). Written
     * as an anti-join rather than a window: PostgreSQL then estimates the rows kept well and
     * hashes the theme counts instead of sorting them. The later rows are looked for in the
     * GASP's rows only (a proposal stays in its GASP): otherwise PostgreSQL hashed the theme
     * rows of every GASP to answer for one (issue 6: 40 ms instead of 6 for the theme figures
     * of a 2,300-proposal GASP, in a database also holding one of 108,000).
     */
    private static final String WITH_THEMES_AS_OF = """
            WITH themes AS (
                SELECT t.proposal_id, t.theme FROM report_theme t
                WHERE t.gasp_id = :gasp AND t.occurred_on <= :to
                AND NOT EXISTS (SELECT 1 FROM report_theme later WHERE later.gasp_id = :gasp
                    AND later.proposal_id = t.proposal_id AND later.version > t.version
                    AND later.occurred_on <= :to))
            """;

    private static final int CHUNK = 5_000;

    /**
     * The steps that stand for "a proposal with a step of its type in the period", one per
     * proposal and type: its first of the type ever (a period from the beginning) or in the
     * calendar year (a period within one year). Those are the only periods figures count over.
     * A step first of its type ever is also first in its year: asking for both flags changes
     * nothing to the rows and lets PostgreSQL read them from the one index of first-in-year
     * steps (V10).
     */
    static String firstInPeriod(ReportPeriod period) {
        if (period.from().equals(ReportPeriod.BEGINNING)) {
            return "first_in_year AND first_of_type";
        }
        if (period.from().getDayOfYear() == 1 && (period.isEmpty() || period.to().getYear() == period.from().getYear())) {
            return "first_in_year";
        }
        throw new IllegalArgumentException("Figures count over a year or from the beginning, not " + period);
    }

    /** Rows fetched at a time: some answers hold a row per proposal and step type, not all kept in memory twice. */
    private static final int FETCH_SIZE = 5_000;

    private final JdbcClient jdbc;

    public ProposalFacts(DataSource dataSource) {
        JdbcTemplate streaming = new WithoutParallelWorkers(dataSource);
        streaming.setFetchSize(FETCH_SIZE);
        this.jdbc = JdbcClient.create(streaming);
    }

    /** Step type → number of distinct proposals with such a step in the period. */
    public Map<String, Long> countsByStepType(UUID gaspId, ReportPeriod period) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("""
                        SELECT type, count(*) AS n FROM report_step
                        WHERE gasp_id = :gasp AND %s AND occurred_on BETWEEN :from AND :to GROUP BY type"""
                        .formatted(firstInPeriod(period)))
                .param("gasp", gaspId).param("from", period.from()).param("to", period.to())
                .query(row -> {
                    counts.put(row.getString("type"), row.getLong("n"));
                });
        return counts;
    }

    /**
     * The first steps of their type in their year on or before a date, counted per year, raising
     * group and step type: how many (distinct proposals), and how many of them are also the
     * proposal's first of the type ever. One read gives a dashboard its totals, its lines per
     * group and its trend (issue 6: three reads of the same rows before).
     */
    public FirstSteps firstSteps(UUID gaspId, LocalDate to) {
        List<FirstSteps.Line> lines = new ArrayList<>();
        jdbc.sql("""
                        SELECT EXTRACT(YEAR FROM occurred_on) AS y, raised_by_group_id, type, count(*) AS n,
                            sum(CASE WHEN first_of_type THEN 1 ELSE 0 END) AS n_first_ever
                        FROM report_step WHERE gasp_id = :gasp AND first_in_year AND occurred_on <= :to
                        GROUP BY EXTRACT(YEAR FROM occurred_on), raised_by_group_id, type""")
                .param("gasp", gaspId).param("to", to)
                .query(row -> {
                    lines.add(new FirstSteps.Line(row.getInt("y"), row.getObject("raised_by_group_id", UUID.class),
                            row.getString("type"), row.getLong("n"), row.getLong("n_first_ever")));
                });
        return new FirstSteps(to, lines);
    }

    /**
     * Theme (as of the period's end) → step type → distinct proposals, themes in alphabetical
     * order. Both sides are made distinct before the join, so each (theme, type, proposal)
     * comes once and a plain count needs no sort.
     */
    public Map<String, Map<String, Long>> countsByTheme(UUID gaspId, ReportPeriod period) {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        jdbc.sql(WITH_THEMES_AS_OF + """
                        SELECT th.theme, s.type, count(*) AS n
                        FROM (SELECT proposal_id, type FROM report_step
                              WHERE gasp_id = :gasp AND %s AND occurred_on BETWEEN :from AND :to) s
                        JOIN (SELECT DISTINCT proposal_id, theme FROM themes) th ON th.proposal_id = s.proposal_id
                        GROUP BY th.theme, s.type ORDER BY th.theme""".formatted(firstInPeriod(period)))
                .param("gasp", gaspId).param("from", period.from()).param("to", period.to())
                .query(row -> {
                    counts.computeIfAbsent(row.getString("theme"), theme -> new HashMap<>())
                            .put(row.getString("type"), row.getLong("n"));
                });
        return counts;
    }

    /** Raising group → themes (as of the period's end) of the proposals it raised in the period. */
    public Map<UUID, List<String>> themesRaisedByGroup(UUID gaspId, ReportPeriod period) {
        Map<UUID, List<String>> themes = new HashMap<>();
        jdbc.sql(WITH_THEMES_AS_OF + """
                        SELECT DISTINCT s.raised_by_group_id, th.theme
                        FROM report_step s JOIN themes th ON th.proposal_id = s.proposal_id
                        WHERE s.gasp_id = :gasp AND s.type = 'ProposalRaised' AND s.occurred_on BETWEEN :from AND :to
                        ORDER BY th.theme""")
                .param("gasp", gaspId).param("from", period.from()).param("to", period.to())
                .query(row -> {
                    themes.computeIfAbsent(row.getObject("raised_by_group_id", UUID.class), id -> new ArrayList<>())
                            .add(row.getString("theme"));
                });
        return themes;
    }

    /**
     * Each proposal's status at the period's end: of the proposals active in the period (a
     * step in it), or of every proposal raised by then.
     */
    public Map<UUID, ProposalStatus> statusesAtEnd(UUID gaspId, ReportPeriod period, boolean activeInPeriodOnly) {
        Map<UUID, ProposalStatus> statuses = new HashMap<>();
        jdbc.sql(statusesAtEndSql(activeInPeriodOnly))
                .param("gasp", gaspId).param("from", period.from()).param("to", period.to())
                .query(row -> {
                    statuses.put(row.getObject(1, UUID.class), ProposalStatus.valueOf(row.getString(2)));
                });
        return statuses;
    }

    /**
     * How many proposals stood in each status at the period's end (as {@link #statusesAtEnd}),
     * and which ones stood in one of them, in one read: a dashboard needs the counts and the
     * proposals waiting for referents, not a row per proposal (issue 6). The proposals of the
     * status listed come one row each, the others one row per status.
     */
    public StatusesAtEnd statusCountsAtEnd(UUID gaspId, ReportPeriod period, boolean activeInPeriodOnly,
                                           ProposalStatus listed) {
        Map<ProposalStatus, Long> counts = new HashMap<>();
        List<UUID> proposals = new ArrayList<>();
        jdbc.sql("""
                        SELECT status, listed_id, count(*) AS n FROM (
                            SELECT status, CASE WHEN status = :listed THEN proposal_id END AS listed_id FROM (%s) at_end
                        ) marked GROUP BY status, listed_id"""
                        .formatted(statusesAtEndSql(activeInPeriodOnly)))
                .param("gasp", gaspId).param("from", period.from()).param("to", period.to())
                .param("listed", listed.name())
                .query(row -> {
                    counts.merge(ProposalStatus.valueOf(row.getString("status")), row.getLong("n"), Long::sum);
                    UUID listedId = row.getObject("listed_id", UUID.class);
                    if (listedId != null) {
                        proposals.add(listedId);
                    }
                });
        return new StatusesAtEnd(counts, proposals);
    }

    /** Proposals per status at a period's end, and the proposals of one status. */
    public record StatusesAtEnd(Map<ProposalStatus, Long> counts, List<UUID> listed) {
    }

    private static String statusesAtEndSql(boolean activeInPeriodOnly) {
        return activeInPeriodOnly ? STATUSES_OF_THE_ACTIVE : STATUSES_OF_ALL;
    }

    /**
     * A proposal active in the period has its last step by the period's end in the period
     * (its dates never go backwards): only the period's steps need reading, the latest of
     * each proposal kept in one pass, with no join back to the table.
     */
    private static final String STATUSES_OF_THE_ACTIVE = """
            SELECT proposal_id, status_after AS status FROM (
                SELECT proposal_id, status_after, version, max(version) OVER (PARTITION BY proposal_id) AS latest
                FROM report_step WHERE gasp_id = :gasp AND occurred_on BETWEEN :from AND :to
            ) dated WHERE version = latest""";

    /**
     * A proposal whose last step is dated on or before the period's end stood then as it
     * stands now (its dates never go backwards): its status is read from its current row, one
     * per proposal, instead of from every step it ever had. Only the proposals that moved on
     * after the period's end (few, unless the date is far back) are looked for in the steps.
     */
    private static final String STATUSES_OF_ALL = """
            SELECT proposal_id, status FROM proposal_view WHERE gasp_id = :gasp AND last_occurred_on <= :to
            UNION ALL
            SELECT proposal_id, status_after AS status FROM (
                SELECT s.proposal_id, s.status_after, s.version,
                    max(s.version) OVER (PARTITION BY s.proposal_id) AS latest
                FROM proposal_view p JOIN report_step s ON s.proposal_id = p.proposal_id
                WHERE p.gasp_id = :gasp AND p.last_occurred_on > :to AND s.occurred_on <= :to
            ) dated WHERE version = latest""";

    /**
     * The dates lead times are measured between, on or before a date, as pairs counted over
     * the proposals that share them: raised and first decided; last validated and first
     * completed (no completion yet: {@code null}). Steps are taken at meetings, so a GASP's
     * proposals share few such pairs: a few thousand rows at most where there was one per
     * proposal and step type (issue 6: the first dashboard after a change, 32,000 proposals).
     */
    public List<LeadTimeDates> leadTimeDates(UUID gaspId, LocalDate to) {
        return jdbc.sql("""
                        WITH dates AS (
                            SELECT proposal_id,
                                min(CASE WHEN type = :raised THEN occurred_on END) AS raised_on,
                                min(CASE WHEN type IN (:decisions) THEN occurred_on END) AS decided_on,
                                max(CASE WHEN type = :validated THEN occurred_on END) AS validated_on,
                                min(CASE WHEN type = :completed THEN occurred_on END) AS completed_on
                            FROM report_step WHERE gasp_id = :gasp AND occurred_on <= :to AND type IN (:types)
                            GROUP BY proposal_id)
                        SELECT 'DECISION' AS span, raised_on AS start_on, decided_on AS end_on, count(*) AS n
                        FROM dates WHERE raised_on IS NOT NULL AND decided_on IS NOT NULL
                        GROUP BY raised_on, decided_on
                        UNION ALL
                        SELECT 'IMPLEMENTATION' AS span, validated_on AS start_on, completed_on AS end_on, count(*) AS n
                        FROM dates WHERE validated_on IS NOT NULL
                        GROUP BY validated_on, completed_on""")
                .param("gasp", gaspId).param("to", to)
                .param("raised", StepTypes.RAISED).param("decisions", StepTypes.DECISIONS)
                .param("validated", StepTypes.VALIDATED).param("completed", StepTypes.COMPLETED)
                .param("types", StepTypes.LEAD_TIME_STEPS)
                .query((row, number) -> new LeadTimeDates(LeadTimeDates.Span.valueOf(row.getString("span")),
                        row.getObject("start_on", LocalDate.class), row.getObject("end_on", LocalDate.class),
                        row.getLong("n")))
                .list();
    }

    /** Steps of given types in the period, oldest first, with the title the proposal has now. */
    public List<Step> steps(UUID gaspId, ReportPeriod period, List<String> types) {
        return jdbc.sql("""
                        SELECT s.proposal_id, p.title, s.type, s.occurred_on, s.rationale, s.version
                        FROM report_step s JOIN proposal_view p ON p.proposal_id = s.proposal_id
                        WHERE s.gasp_id = :gasp AND s.occurred_on BETWEEN :from AND :to AND s.type IN (:types)
                        ORDER BY s.occurred_on, p.title, s.version""")
                .param("gasp", gaspId).param("from", period.from()).param("to", period.to()).param("types", types)
                .query((row, number) -> new Step(row.getObject("proposal_id", UUID.class), row.getString("title"),
                        row.getString("type"), row.getObject("occurred_on", LocalDate.class),
                        row.getString("rationale"), row.getLong("version")))
                .list();
    }

    /** The last step of a type on or before a date, per proposal (e.g. the latest study decision and its rationale). */
    public Map<UUID, Step> lastStepOfType(UUID gaspId, LocalDate to, String type) {
        Map<UUID, Step> steps = new HashMap<>();
        for (Step step : steps(gaspId, new ReportPeriod(null, ReportPeriod.BEGINNING, to), List.of(type))) {
            steps.put(step.proposalId(), step);
        }
        return steps;
    }

    /**
     * The last step of a type on or before a date, for some proposals only (e.g. the
     * submission of those still waiting for a decision), asked in chunks that stay well
     * under the drivers' limits on bind parameters.
     */
    public Map<UUID, Step> lastStepOfType(UUID gaspId, LocalDate to, String type, Collection<UUID> among) {
        Map<UUID, Step> steps = new HashMap<>();
        List<UUID> ids = List.copyOf(among);
        for (int start = 0; start < ids.size(); start += CHUNK) {
            jdbc.sql("""
                            SELECT s.proposal_id, p.title, s.type, s.occurred_on, s.rationale, s.version
                            FROM report_step s JOIN proposal_view p ON p.proposal_id = s.proposal_id
                            WHERE s.gasp_id = :gasp AND s.occurred_on <= :to AND s.type = :type
                            AND s.proposal_id IN (:ids)
                            ORDER BY s.occurred_on, p.title, s.version""")
                    .param("gasp", gaspId).param("to", to).param("type", type)
                    .param("ids", ids.subList(start, Math.min(ids.size(), start + CHUNK)))
                    .query((row, number) -> new Step(row.getObject("proposal_id", UUID.class), row.getString("title"),
                            row.getString("type"), row.getObject("occurred_on", LocalDate.class),
                            row.getString("rationale"), row.getLong("version")))
                    .list()
                    .forEach(step -> steps.put(step.proposalId(), step));
        }
        return steps;
    }

    /** The implementation outcome of proposals (final once completed, so the current text is the one of the time). */
    public Map<UUID, String> outcomes(List<UUID> proposalIds) {
        Map<UUID, String> outcomes = new HashMap<>();
        if (!proposalIds.isEmpty()) {
            jdbc.sql("SELECT proposal_id, implementation_outcome FROM proposal_view WHERE proposal_id IN (:ids)")
                    .param("ids", proposalIds)
                    .query(row -> {
                        outcomes.put(row.getObject("proposal_id", UUID.class), row.getString("implementation_outcome"));
                    });
        }
        return outcomes;
    }

    /** One line per proposal active in the period, as it stood at the period's end, for the CSV export. */
    public List<ActiveProposal> activeProposals(UUID gaspId, ReportPeriod period) {
        Map<UUID, List<String>> themes = new HashMap<>();
        jdbc.sql(WITH_THEMES_AS_OF + "SELECT proposal_id, theme FROM themes ORDER BY theme")
                .param("gasp", gaspId).param("to", period.to())
                .query(row -> {
                    themes.computeIfAbsent(row.getObject("proposal_id", UUID.class), id -> new ArrayList<>())
                            .add(row.getString("theme"));
                });
        Map<UUID, ProposalStatus> statuses = statusesAtEnd(gaspId, period, true);
        Map<UUID, Step> lastDecisions = new HashMap<>();
        steps(gaspId, new ReportPeriod(null, ReportPeriod.BEGINNING, period.to()),
                List.of(StepTypes.VALIDATED, StepTypes.REJECTED, StepTypes.UNDER_STUDY))
                .forEach(step -> lastDecisions.put(step.proposalId(), step));
        Map<UUID, Step> completions = lastStepOfType(gaspId, period.to(), StepTypes.COMPLETED);
        Map<UUID, Long> stepsInPeriod = new HashMap<>();
        jdbc.sql("""
                        SELECT proposal_id, count(*) AS n FROM report_step
                        WHERE gasp_id = :gasp AND occurred_on BETWEEN :from AND :to GROUP BY proposal_id""")
                .param("gasp", gaspId).param("from", period.from()).param("to", period.to())
                .query(row -> {
                    stepsInPeriod.put(row.getObject("proposal_id", UUID.class), row.getLong("n"));
                });
        if (statuses.isEmpty()) {
            return List.of();
        }
        Map<UUID, String> outcomes = outcomes(List.copyOf(completions.keySet()));
        return jdbc.sql("""
                        SELECT p.proposal_id, p.title, p.raised_on, g.name AS group_name, g.kind AS group_kind
                        FROM proposal_view p LEFT JOIN group_view g ON g.group_id = p.raised_by_group_id
                        WHERE p.proposal_id IN (:ids) ORDER BY p.raised_on, p.title, p.proposal_id""")
                .param("ids", statuses.keySet())
                .query((row, number) -> {
                    UUID id = row.getObject("proposal_id", UUID.class);
                    Step decision = lastDecisions.get(id);
                    Step completion = completions.get(id);
                    return new ActiveProposal(id, row.getString("title"), row.getString("group_name"),
                            row.getString("group_kind"), themes.getOrDefault(id, List.of()),
                            row.getObject("raised_on", LocalDate.class), statuses.get(id),
                            stepsInPeriod.getOrDefault(id, 0L), decision == null ? null : decision.type(),
                            decision == null ? null : decision.occurredOn(), decision == null ? null : decision.rationale(),
                            completion == null ? null : completion.occurredOn(),
                            completion == null ? null : outcomes.get(id));
                })
                .list();
    }

    public record ActiveProposal(UUID proposalId, String title, String groupName, String groupKind,
                                 List<String> themes, LocalDate raisedOn, ProposalStatus statusAtEnd,
                                 long stepsInPeriod, String lastDecisionType, LocalDate lastDecisionOn,
                                 String lastDecisionRationale, LocalDate completedOn, String outcome) {
    }

    public record Step(UUID proposalId, String title, String type, LocalDate occurredOn, String rationale,
                       long version) {
    }
}
