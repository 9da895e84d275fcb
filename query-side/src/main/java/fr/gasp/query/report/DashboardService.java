package fr.gasp.query.report;

import fr.gasp.events.proposal.ProposalStatus;
import fr.gasp.query.organisation.OrganisationViews.GaspView;
import fr.gasp.query.report.Dashboard.GroupLine;
import fr.gasp.query.report.Dashboard.LeadTimes;
import fr.gasp.query.report.Dashboard.MeetingLine;
import fr.gasp.query.report.Dashboard.ThemeLine;
import fr.gasp.query.report.Dashboard.Waiting;
import fr.gasp.query.report.Dashboard.YearLine;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static fr.gasp.query.report.StepCounts.count;

/** Builds the dashboard from the step facts: every figure is a count of recorded steps by business date. */
@Service
public class DashboardService {

    private final ProposalFacts facts;
    private final MeetingsAgainstCadence meetings;
    private final ComputedFigures computed;
    private final FigureQueries queries;

    public DashboardService(ProposalFacts facts, MeetingsAgainstCadence meetings, ComputedFigures computed,
                            FigureQueries queries) {
        this.facts = facts;
        this.meetings = meetings;
        this.computed = computed;
        this.queries = queries;
    }

    /** What a dashboard is computed from: the GASP as read (its groups and names), the year asked and the day. */
    private record Question(GaspView gasp, Integer year, LocalDate asOf) {
    }

    public Dashboard build(GaspView gasp, Integer year, LocalDate asOf) {
        return computed.get(new Question(gasp, year, asOf), () -> compute(gasp, year, asOf));
    }

    /** The dashboard as the API sends it. */
    public byte[] json(GaspView gasp, Integer year, LocalDate asOf) {
        return computed.json(new Question(gasp, year, asOf), () -> build(gasp, year, asOf));
    }

    private Dashboard compute(GaspView gasp, Integer year, LocalDate asOf) {
        ReportPeriod period = ReportPeriod.of(year, asOf);
        // The two longest reads on other threads, the rest here meanwhile; one read of the lead
        // times' dates serves the implementation rate too, one of the first steps the totals,
        // the lines per group and the trend.
        CompletableFuture<Map<String, Map<String, Long>>> themeCounts =
                queries.start(() -> facts.countsByTheme(gasp.id(), period));
        CompletableFuture<List<LeadTimeDates>> leadTimeDates =
                queries.start(() -> facts.leadTimeDates(gasp.id(), period.to()));
        Map<ProposalStatus, Long> byStatus = new EnumMap<>(ProposalStatus.class);
        for (ProposalStatus status : ProposalStatus.values()) {
            byStatus.put(status, 0L);
        }
        ProposalFacts.StatusesAtEnd atEnd = period.isEmpty() ? new ProposalFacts.StatusesAtEnd(Map.of(), List.of())
                : facts.statusCountsAtEnd(gasp.id(), period, year != null, ProposalStatus.SUBMITTED);
        byStatus.putAll(atEnd.counts());

        FirstSteps firstSteps = facts.firstSteps(gasp.id(), asOf);
        StepCounts totals = StepCounts.of(firstSteps.byType(period));
        Map<UUID, Map<String, Long>> perGroup = firstSteps.byGroup(period);
        List<GroupLine> byGroup = gasp.groups().stream()
                .map(group -> {
                    Map<String, Long> counts = perGroup.get(group.id());
                    return new GroupLine(group.id(), group.name(), group.kind(), count(counts, StepTypes.RAISED),
                            count(counts, StepTypes.VALIDATED), count(counts, StepTypes.COMPLETED));
                })
                .toList();
        List<MeetingLine> meetingLines = meetings.of(gasp, period).stream()
                .map(line -> new MeetingLine(line.groupId(), line.groupName(), line.kind(), line.expected(), line.held()))
                .toList();
        List<YearLine> trend = trend(firstSteps);
        List<Waiting> awaiting = awaitingReferents(gasp.id(), period, atEnd.listed());
        List<ThemeLine> byTheme = FigureQueries.answer(themeCounts).entrySet().stream()
                .map(theme -> new ThemeLine(theme.getKey(), count(theme.getValue(), StepTypes.RAISED),
                        count(theme.getValue(), StepTypes.VALIDATED), count(theme.getValue(), StepTypes.COMPLETED)))
                .toList();
        List<LeadTimeDates> dates = FigureQueries.answer(leadTimeDates);
        return new Dashboard(gasp.id(), gasp.name(), year, asOf, period.from().equals(ReportPeriod.BEGINNING) ? null
                : period.from(), period.to(), byStatus, totals, LeadTimeDates.implementationRate(dates), byGroup,
                byTheme, awaiting, LeadTimeDates.leadTimes(dates, period), meetingLines, trend);
    }

    /** Submitted and not yet decided at the period's end, longest wait first. */
    private List<Waiting> awaitingReferents(UUID gaspId, ReportPeriod period, List<UUID> stillSubmitted) {
        if (stillSubmitted.isEmpty()) {
            return List.of();
        }
        List<Waiting> waiting = new ArrayList<>();
        facts.lastStepOfType(gaspId, period.to(), StepTypes.SUBMITTED, stillSubmitted).forEach((proposalId, submitted) ->
                waiting.add(new Waiting(proposalId, submitted.title(), submitted.occurredOn(),
                        ChronoUnit.DAYS.between(submitted.occurredOn(), period.to()))));
        // The proposal last, so that two waits of the same title and length keep one order.
        waiting.sort(Comparator.comparingLong(Waiting::daysWaiting).reversed().thenComparing(Waiting::title)
                .thenComparing(Waiting::proposalId));
        return waiting;
    }

    /**
     * Raised to first decision, for the proposals first decided in the period; validation to
     * completion, for the proposals completed in the period.
     */
    LeadTimes leadTimes(UUID gaspId, ReportPeriod period) {
        return LeadTimeDates.leadTimes(facts.leadTimeDates(gaspId, period.to()), period);
    }

    /** Every year from the first step to the as-of date, whatever the year asked. */
    private static List<YearLine> trend(FirstSteps firstSteps) {
        return firstSteps.byYear().entrySet().stream()
                .map(year -> new YearLine(year.getKey(), count(year.getValue(), StepTypes.RAISED),
                        count(year.getValue(), StepTypes.VALIDATED), count(year.getValue(), StepTypes.COMPLETED)))
                .toList();
    }
}
