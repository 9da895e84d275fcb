package fr.gasp.query.report;

import fr.gasp.events.proposal.ImplementationCompleted;
import fr.gasp.events.proposal.ImplementationStarted;
import fr.gasp.events.proposal.ProposalStatus;
import fr.gasp.query.report.Dashboard.GroupLine;
import fr.gasp.query.report.Dashboard.LeadTimes;
import fr.gasp.query.report.Dashboard.YearLine;
import fr.gasp.query.testing.QuerySideIntegrationTest;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import static fr.gasp.events.organisation.GroupKind.AGENTS;
import static fr.gasp.events.organisation.GroupKind.USERS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's counts (totals, lines per group, trend, statuses), lead times and
 * implementation rate are read as aggregates ({@link FirstSteps}, {@link LeadTimeDates}, counts
 * per status), and the proposals waiting for referents by their status alone: they equal their
 * definitions asked of the steps one by one, for random proposal lives (same-day steps,
 * lives across years, decisions after a study) and periods cutting through them.
 */
class DashboardFiguresTest extends QuerySideIntegrationTest {

    private static final MetaData SECRETARIAT = MetaData.with("actor", "secretariat").and("role", "SECRETARIAT");

    @Autowired
    private DashboardService dashboards;

    @Autowired
    private GaspChoice choice;

    @Autowired
    private JdbcClient jdbc;

    private record Step(UUID proposalId, UUID groupId, String type, LocalDate on, String statusAfter, long version) {
    }

    @Test
    void the_counts_lead_times_and_implementation_rate_equal_their_definitions() {
        UUID gasp = given.gasp("GASP des définitions", LocalDate.of(2019, 1, 2), "Escaupont");
        UUID agents = given.group(gasp, AGENTS, "Agents", LocalDate.of(2019, 1, 2));
        UUID users = given.group(gasp, USERS, "Usagers", LocalDate.of(2019, 1, 2));
        Random random = new Random(20261123);
        for (int n = 0; n < 60; n++) {
            live(random, gasp, random.nextBoolean() ? agents : users, n);
        }
        given.awaitReadModel();
        List<Step> steps = jdbc.sql("SELECT proposal_id, raised_by_group_id, type, occurred_on, status_after, version "
                        + "FROM report_step WHERE gasp_id = :gasp")
                .param("gasp", gasp)
                .query((row, number) -> new Step(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                        row.getString(3), row.getObject(4, LocalDate.class), row.getString(5), row.getLong(6)))
                .list();
        assertThat(steps).hasSizeGreaterThan(200);

        int dashboardsCompared = 0;
        for (Integer year : Arrays.asList(null, 2019, 2020, 2021, 2022, 2023)) {
            for (LocalDate asOf : new LocalDate[] {LocalDate.of(2019, 6, 30), LocalDate.of(2019, 12, 31),
                    LocalDate.of(2020, 3, 1), LocalDate.of(2021, 12, 31), LocalDate.of(2022, 7, 14),
                    LocalDate.of(2024, 1, 1)}) {
                ReportPeriod period = ReportPeriod.of(year, asOf);
                Dashboard dashboard = dashboards.build(choice.of(gasp), year, asOf);
                String question = "year " + year + ", as of " + asOf;
                assertThat(dashboard.totals()).as(question).isEqualTo(StepCounts.of(byType(steps, period)));
                for (GroupLine line : dashboard.byGroup()) {
                    List<Step> ofGroup = steps.stream().filter(step -> step.groupId().equals(line.groupId())).toList();
                    Map<String, Long> expected = byType(ofGroup, period);
                    assertThat(List.of(line.raised(), line.validated(), line.implemented())).as(question)
                            .isEqualTo(List.of(StepCounts.count(expected, StepTypes.RAISED),
                                    StepCounts.count(expected, StepTypes.VALIDATED),
                                    StepCounts.count(expected, StepTypes.COMPLETED)));
                }
                assertThat(dashboard.trend()).as(question).isEqualTo(trend(steps, asOf));
                assertThat(dashboard.leadTimes()).as(question).isEqualTo(leadTimes(steps, period));
                assertThat(dashboard.implementationRate()).as(question).isEqualTo(implementationRate(steps, period));
                Map<UUID, Step> lastSteps = lastSteps(steps, period);
                Map<ProposalStatus, Long> byStatus = new EnumMap<>(ProposalStatus.class);
                for (ProposalStatus status : ProposalStatus.values()) {
                    byStatus.put(status, 0L);
                }
                lastSteps.values().forEach(step -> byStatus.merge(ProposalStatus.valueOf(step.statusAfter()), 1L, Long::sum));
                assertThat(dashboard.countsByStatus()).as(question).isEqualTo(byStatus);
                assertThat(dashboard.awaitingReferents()).as(question)
                        .extracting(waiting -> waiting.proposalId() + " since " + waiting.submittedOn())
                        .containsExactlyInAnyOrderElementsOf(lastSteps.values().stream()
                                .filter(step -> step.statusAfter().equals(ProposalStatus.SUBMITTED.name()))
                                .map(step -> step.proposalId() + " since " + lastSubmission(steps, step.proposalId(), period))
                                .toList());
                dashboardsCompared++;
            }
        }
        assertThat(dashboardsCompared).isEqualTo(36);
        Dashboard now = dashboards.build(choice.of(gasp), null, LocalDate.of(2024, 1, 1));
        assertThat(now.totals().raised()).isEqualTo(60);
        assertThat(now.leadTimes().decisionsMeasured()).isPositive();
        assertThat(now.leadTimes().implementationsMeasured()).isPositive();
        assertThat(now.awaitingReferents()).isNotEmpty();
        assertThat(now.countsByStatus().get(ProposalStatus.UNDER_STUDY)).isPositive();
    }

    /** A life the lifecycle allows, its steps 0 to 150 days apart (the same day too), from 2019 to 2022. */
    private void live(Random random, UUID gasp, UUID group, int n) {
        LocalDate on = LocalDate.of(2019, 1, 10).plusDays(random.nextInt(3 * 365));
        UUID proposal = given.raise(gasp, group, null, "Proposition " + n, on);
        for (int discussions = random.nextInt(3); discussions > 0; discussions--) {
            on = on.plusDays(random.nextInt(150));
            given.discuss(proposal, group, null, on);
        }
        for (int round = 0; round < 3; round++) {
            if (random.nextInt(10) == 0) {
                return; // never submitted
            }
            on = on.plusDays(random.nextInt(150));
            given.submit(proposal, null, on);
            int decision = random.nextInt(4);
            on = on.plusDays(random.nextInt(150));
            if (decision == 0) {
                return; // waiting for the referents
            }
            if (decision == 1) {
                given.reject(proposal, null, on);
                return;
            }
            if (decision == 2) {
                given.validate(proposal, null, on);
                if (random.nextBoolean()) {
                    on = on.plusDays(random.nextInt(150));
                    given.append("Proposal", proposal, new ImplementationStarted(proposal, "Service", on.plusDays(90), on),
                            SECRETARIAT);
                }
                if (random.nextInt(3) > 0) {
                    on = on.plusDays(random.nextInt(150));
                    given.append("Proposal", proposal, new ImplementationCompleted(proposal, "Fait", on), SECRETARIAT);
                }
                return;
            }
            given.putUnderStudy(proposal, null, on); // then submitted again, or left under study
        }
    }

    /**
     * Each proposal's last step by the period's end: of every proposal raised by then over
     * all years, of those with a step in it for a year.
     */
    private static Map<UUID, Step> lastSteps(List<Step> steps, ReportPeriod period) {
        Map<UUID, Step> last = new HashMap<>();
        if (period.isEmpty()) {
            return last;
        }
        steps.stream().filter(step -> !step.on().isAfter(period.to()))
                .forEach(step -> last.merge(step.proposalId(), step,
                        (one, other) -> one.version() > other.version() ? one : other));
        if (period.year() != null) {
            last.values().removeIf(step -> step.on().isBefore(period.from()));
        }
        return last;
    }

    private static LocalDate lastSubmission(List<Step> steps, UUID proposalId, ReportPeriod period) {
        return steps.stream()
                .filter(step -> step.proposalId().equals(proposalId) && step.type().equals(StepTypes.SUBMITTED)
                        && !step.on().isAfter(period.to()))
                .map(Step::on).max(Comparator.naturalOrder()).orElseThrow();
    }

    /** Step type → proposals with such a step in the period. */
    private static Map<String, Long> byType(List<Step> steps, ReportPeriod period) {
        Map<String, Set<UUID>> proposals = new HashMap<>();
        steps.stream().filter(step -> !step.on().isBefore(period.from()) && !step.on().isAfter(period.to()))
                .forEach(step -> proposals.computeIfAbsent(step.type(), type -> new HashSet<>()).add(step.proposalId()));
        Map<String, Long> counts = new HashMap<>();
        proposals.forEach((type, ids) -> counts.put(type, (long) ids.size()));
        return counts;
    }

    /** Per year up to the as-of date, the proposals raised, validated and implemented that year. */
    private static List<YearLine> trend(List<Step> steps, LocalDate asOf) {
        Set<Integer> years = new TreeSet<>();
        steps.stream().filter(step -> !step.on().isAfter(asOf)).forEach(step -> years.add(step.on().getYear()));
        return years.stream()
                .map(year -> {
                    LocalDate end = LocalDate.of(year, 12, 31);
                    Map<String, Long> counts = byType(steps, new ReportPeriod(year, LocalDate.of(year, 1, 1),
                            asOf.isBefore(end) ? asOf : end));
                    return new YearLine(year, StepCounts.count(counts, StepTypes.RAISED),
                            StepCounts.count(counts, StepTypes.VALIDATED), StepCounts.count(counts, StepTypes.COMPLETED));
                })
                .toList();
    }

    /** Each proposal's steps by its period's end, type → dates in order. */
    private static Map<UUID, Map<String, List<LocalDate>>> datesByEnd(List<Step> steps, ReportPeriod period) {
        Map<UUID, Map<String, List<LocalDate>>> dates = new HashMap<>();
        steps.stream().filter(step -> !step.on().isAfter(period.to()))
                .sorted(Comparator.comparing(Step::on))
                .forEach(step -> dates.computeIfAbsent(step.proposalId(), id -> new TreeMap<>())
                        .computeIfAbsent(step.type(), type -> new ArrayList<>()).add(step.on()));
        return dates;
    }

    private static LeadTimes leadTimes(List<Step> steps, ReportPeriod period) {
        List<Long> toDecision = new ArrayList<>();
        List<Long> toImplemented = new ArrayList<>();
        for (Map<String, List<LocalDate>> dates : datesByEnd(steps, period).values()) {
            LocalDate firstDecision = StepTypes.DECISIONS.stream().filter(dates::containsKey)
                    .map(type -> dates.get(type).get(0)).min(Comparator.naturalOrder()).orElse(null);
            if (dates.containsKey(StepTypes.RAISED) && firstDecision != null && !firstDecision.isBefore(period.from())) {
                toDecision.add(ChronoUnit.DAYS.between(dates.get(StepTypes.RAISED).get(0), firstDecision));
            }
            List<LocalDate> validated = dates.get(StepTypes.VALIDATED);
            List<LocalDate> completed = dates.get(StepTypes.COMPLETED);
            if (validated != null && completed != null && !completed.get(0).isBefore(period.from())) {
                toImplemented.add(ChronoUnit.DAYS.between(validated.get(validated.size() - 1), completed.get(0)));
            }
        }
        return new LeadTimes(median(toDecision), median(toImplemented), toDecision.size(), toImplemented.size());
    }

    private static Double implementationRate(List<Step> steps, ReportPeriod period) {
        Map<UUID, Map<String, List<LocalDate>>> dates = datesByEnd(steps, period);
        long validated = dates.values().stream().filter(types -> types.containsKey(StepTypes.VALIDATED)).count();
        long implemented = dates.values().stream()
                .filter(types -> types.containsKey(StepTypes.VALIDATED) && types.containsKey(StepTypes.COMPLETED))
                .count();
        return validated == 0 ? null : (double) implemented / validated;
    }

    private static Double median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? (double) sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
    }
}
