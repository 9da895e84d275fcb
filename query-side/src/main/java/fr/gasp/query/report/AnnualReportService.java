package fr.gasp.query.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gasp.events.organisation.GroupKind;
import fr.gasp.events.proposal.ProposalStatus;
import fr.gasp.query.audit.ChainFingerprint;
import fr.gasp.query.organisation.OrganisationViews.GaspView;
import fr.gasp.query.organisation.OrganisationViews.GroupSummary;
import fr.gasp.query.report.AnnualReport.Achievement;
import fr.gasp.query.report.AnnualReport.Decision;
import fr.gasp.query.report.AnnualReport.GroupLine;
import fr.gasp.query.report.AnnualReport.JointMeeting;
import fr.gasp.query.report.AnnualReport.Presented;
import fr.gasp.query.report.AnnualReport.Study;
import fr.gasp.query.report.Dashboard.LeadTimes;
import fr.gasp.query.report.ProposalFacts.Step;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** Builds the annual restitution report of a GASP from the step facts and meetings. */
@Service
public class AnnualReportService {

    private final ProposalFacts facts;
    private final MeetingsAgainstCadence meetings;
    private final DashboardService dashboards;
    private final JdbcClient jdbc;
    private final ChainFingerprint fingerprints;
    private final ComputedFigures computed;
    private final ObjectMapper json;
    private final Clock clock;
    private final FigureQueries queries;

    public AnnualReportService(ProposalFacts facts, MeetingsAgainstCadence meetings, DashboardService dashboards,
                               JdbcClient jdbc, ChainFingerprint fingerprints, ComputedFigures computed,
                               ObjectMapper json, Clock clock, FigureQueries queries) {
        this.facts = facts;
        this.meetings = meetings;
        this.dashboards = dashboards;
        this.jdbc = jdbc;
        this.fingerprints = fingerprints;
        this.computed = computed;
        this.json = json;
        this.clock = clock;
        this.queries = queries;
    }

    /** What a report's figures are computed from: the GASP as read (its groups and names), the year and the day. */
    private record Question(GaspView gasp, int year, LocalDate asOf) {
    }

    /**
     * The report of a year as it stands on {@code asOf} (the year's end once it is over). Its
     * figures come from the read models (remembered while they do not move); its history
     * fingerprint from the audit chain, a processor of its own, asked every time.
     */
    public AnnualReport build(GaspView gasp, int year, LocalDate asOf) {
        return figures(gasp, year, asOf).withHistoryFingerprint(fingerprints.at(LocalDate.now(clock)));
    }

    /**
     * The report as the API sends it: its figures' JSON, remembered while the read models do
     * not move, ending with the history fingerprint asked now (the audit chain moves on its
     * own, a long way while it catches up with a large store).
     */
    public byte[] json(GaspView gasp, int year, LocalDate asOf) {
        ChainFingerprint.Fingerprint fingerprint = fingerprints.at(LocalDate.now(clock));
        byte[] figures = computed.json(new Question(gasp, year, asOf), () -> figures(gasp, year, asOf));
        return AnnualReportJson.withFingerprint(figures, json, fingerprint);
    }

    /** The report's figures, without its history fingerprint: remembered while the read models do not move. */
    private AnnualReport figures(GaspView gasp, int year, LocalDate asOf) {
        return computed.get(new Question(gasp, year, asOf), () -> compute(gasp, year, asOf));
    }

    private AnnualReport compute(GaspView gasp, int year, LocalDate asOf) {
        ReportPeriod period = ReportPeriod.of(year, asOf);
        // The two longest reads on other threads, the rest here meanwhile.
        CompletableFuture<Map<UUID, List<String>>> themesRaised =
                queries.start(() -> facts.themesRaisedByGroup(gasp.id(), period));
        CompletableFuture<LeadTimes> leadTimes = queries.start(() -> dashboards.leadTimes(gasp.id(), period));
        List<Study> underStudy = underStudy(gasp.id(), period);
        Map<UUID, List<String>> themesByGroup = FigureQueries.answer(themesRaised);
        Map<UUID, MeetingsAgainstCadence.Line> meetingLines = new LinkedHashMap<>();
        meetings.of(gasp, period).forEach(line -> meetingLines.put(line.groupId(), line));
        List<GroupLine> groups = gasp.groups().stream()
                .map(group -> {
                    MeetingsAgainstCadence.Line line = meetingLines.get(group.id());
                    return new GroupLine(group.id(), group.name(), group.kind(), line.held(), line.expected(),
                            themesByGroup.getOrDefault(group.id(), List.of()));
                })
                .toList();
        return new AnnualReport(year, gasp.id(), gasp.name(), gasp.communes(), period.to(), groups,
                StepCounts.of(facts.countsByStepType(gasp.id(), period)),
                sharedThemes(gasp, themesByGroup), achievements(gasp.id(), period), underStudy,
                decisions(gasp.id(), period), jointMeetings(gasp.id(), period), FigureQueries.answer(leadTimes), null);
    }

    /** Themes on which both an agents' group and a users' group raised a proposal that year. */
    private static List<String> sharedThemes(GaspView gasp, Map<UUID, List<String>> themesByGroup) {
        Set<String> agents = new TreeSet<>();
        Set<String> users = new TreeSet<>();
        for (GroupSummary group : gasp.groups()) {
            List<String> themes = themesByGroup.getOrDefault(group.id(), List.of());
            if (group.kind() == GroupKind.AGENTS) {
                agents.addAll(themes);
            } else if (group.kind() == GroupKind.USERS) {
                users.addAll(themes);
            }
        }
        agents.retainAll(users);
        return List.copyOf(agents);
    }

    private List<Achievement> achievements(UUID gaspId, ReportPeriod period) {
        List<Step> completed = facts.steps(gaspId, period, List.of(StepTypes.COMPLETED));
        Map<UUID, String> outcomes = facts.outcomes(completed.stream().map(Step::proposalId).toList());
        return completed.stream()
                .map(step -> new Achievement(step.proposalId(), step.title(), step.occurredOn(),
                        outcomes.get(step.proposalId())))
                .toList();
    }

    /** Under study at the year's end, whenever the study was decided, with what is to be studied. */
    private List<Study> underStudy(UUID gaspId, ReportPeriod period) {
        List<UUID> studied = facts.statusCountsAtEnd(gaspId, period, false, ProposalStatus.UNDER_STUDY).listed();
        List<Study> underStudy = new ArrayList<>();
        facts.lastStepOfType(gaspId, period.to(), StepTypes.UNDER_STUDY, studied).forEach((proposalId, study) ->
                underStudy.add(new Study(proposalId, study.title(), study.occurredOn(), study.rationale())));
        // The proposal last, so that two studies of the same title decided the same day keep one order.
        underStudy.sort(Comparator.comparing(Study::decidedOn).thenComparing(Study::title)
                .thenComparing(Study::proposalId));
        return underStudy;
    }

    private List<Decision> decisions(UUID gaspId, ReportPeriod period) {
        return facts.steps(gaspId, period, StepTypes.DECISIONS).stream()
                .map(step -> new Decision(step.proposalId(), step.title(), outcome(step.type()), step.occurredOn(),
                        step.rationale()))
                .toList();
    }

    private List<JointMeeting> jointMeetings(UUID gaspId, ReportPeriod period) {
        Map<UUID, JointMeeting> joint = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT meeting_id, occurred_on FROM meeting_view
                        WHERE gasp_id = :gasp AND kind = 'JOINT' AND occurred_on BETWEEN :from AND :to
                        ORDER BY occurred_on, meeting_id""")
                .param("gasp", gaspId).param("from", period.from()).param("to", period.to())
                .query(row -> {
                    UUID id = row.getObject("meeting_id", UUID.class);
                    joint.put(id, new JointMeeting(id, row.getObject("occurred_on", LocalDate.class), new ArrayList<>()));
                });
        if (!joint.isEmpty()) {
            jdbc.sql("""
                            SELECT r.meeting_id, r.proposal_id, p.title FROM meeting_restitution r
                            JOIN proposal_view p ON p.proposal_id = r.proposal_id
                            WHERE r.meeting_id IN (:ids) ORDER BY p.title""")
                    .param("ids", joint.keySet())
                    .query(row -> {
                        joint.get(row.getObject("meeting_id", UUID.class)).presented()
                                .add(new Presented(row.getObject("proposal_id", UUID.class), row.getString("title")));
                    });
        }
        return List.copyOf(joint.values());
    }

    private static String outcome(String stepType) {
        return switch (stepType) {
            case StepTypes.VALIDATED -> "VALIDATED";
            case StepTypes.REJECTED -> "REJECTED";
            default -> "UNDER_STUDY";
        };
    }
}
