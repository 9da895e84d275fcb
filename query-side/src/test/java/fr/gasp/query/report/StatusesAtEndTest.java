package fr.gasp.query.report;

import fr.gasp.events.proposal.ProposalStatus;
import fr.gasp.query.testing.QuerySideIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static fr.gasp.events.organisation.GroupKind.AGENTS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A proposal's status at a period's end, read from its current row when it has not moved
 * since, equals its last step's by then: the definition, asked of the steps alone, for
 * periods cutting through the proposals' lives; and so do the counts per status and the
 * proposals of one status, read the same way.
 */
class StatusesAtEndTest extends QuerySideIntegrationTest {

    @Autowired
    private ProposalFacts facts;

    @Autowired
    private JdbcClient jdbc;

    @Test
    void the_status_at_a_periods_end_is_the_last_steps_by_then() {
        UUID gasp = given.gasp("GASP des statuts", LocalDate.of(2019, 1, 2), "Escaupont");
        UUID group = given.group(gasp, AGENTS, "Agents", LocalDate.of(2019, 1, 2));
        UUID validated = given.raise(gasp, group, null, "Validée en 2020", LocalDate.of(2019, 3, 1));
        given.discuss(validated, group, null, LocalDate.of(2019, 6, 1));
        given.submit(validated, null, LocalDate.of(2020, 1, 15));
        given.validate(validated, null, LocalDate.of(2020, 2, 1));
        UUID studied = given.raise(gasp, group, null, "À l'étude puis rejetée", LocalDate.of(2019, 11, 5));
        given.submit(studied, null, LocalDate.of(2019, 12, 20));
        given.putUnderStudy(studied, null, LocalDate.of(2020, 3, 1));
        given.reject(studied, null, LocalDate.of(2021, 4, 1));
        UUID waiting = given.raise(gasp, group, null, "En attente", LocalDate.of(2020, 6, 1));
        given.submit(waiting, null, LocalDate.of(2021, 1, 10));
        UUID amended = given.raise(gasp, group, null, "Amendée", LocalDate.of(2021, 2, 1));
        given.amendTitle(amended, "Amendée deux fois", LocalDate.of(2021, 2, 1));
        given.raise(gasp, group, null, "Récente", LocalDate.of(2021, 9, 9));
        given.awaitReadModel();

        int periods = 0;
        for (Integer year : Arrays.asList(null, 2019, 2020, 2021)) {
            for (LocalDate asOf : new LocalDate[] {LocalDate.of(2019, 2, 1), LocalDate.of(2019, 12, 20),
                    LocalDate.of(2020, 2, 1), LocalDate.of(2020, 12, 31), LocalDate.of(2021, 1, 31),
                    LocalDate.of(2021, 6, 30), LocalDate.of(2022, 1, 1)}) {
                ReportPeriod period = ReportPeriod.of(year, asOf);
                if (period.isEmpty()) {
                    continue;
                }
                for (boolean activeOnly : new boolean[] {true, false}) {
                    Map<UUID, ProposalStatus> expected = fromTheStepsAlone(gasp, period, activeOnly);
                    assertThat(facts.statusesAtEnd(gasp, period, activeOnly))
                            .as("%s, active in the period only: %s", period, activeOnly)
                            .isEqualTo(expected);
                    Map<ProposalStatus, Long> counts = new HashMap<>();
                    expected.values().forEach(status -> counts.merge(status, 1L, Long::sum));
                    for (ProposalStatus listed : ProposalStatus.values()) {
                        ProposalFacts.StatusesAtEnd atEnd = facts.statusCountsAtEnd(gasp, period, activeOnly, listed);
                        assertThat(atEnd.counts()).as("counts, %s, active in the period only: %s", period, activeOnly)
                                .isEqualTo(counts);
                        assertThat(atEnd.listed())
                                .as("%s, %s, active in the period only: %s", listed, period, activeOnly)
                                .containsExactlyInAnyOrderElementsOf(expected.entrySet().stream()
                                        .filter(entry -> entry.getValue() == listed).map(Map.Entry::getKey).toList());
                    }
                    periods++;
                }
            }
        }
        assertThat(periods).isGreaterThan(20);
        assertThat(facts.statusesAtEnd(gasp, ReportPeriod.of(2020, LocalDate.of(2020, 12, 31)), false))
                .containsEntry(validated, ProposalStatus.VALIDATED)
                .containsEntry(studied, ProposalStatus.UNDER_STUDY)
                .containsEntry(waiting, ProposalStatus.RAISED)
                .doesNotContainKey(amended);
    }

    /** Each proposal's last step by the period's end (in it, when only the active ones are asked). */
    private Map<UUID, ProposalStatus> fromTheStepsAlone(UUID gasp, ReportPeriod period, boolean activeOnly) {
        Map<UUID, ProposalStatus> statuses = new HashMap<>();
        jdbc.sql("""
                        SELECT s.proposal_id, s.status_after FROM report_step s
                        WHERE s.gasp_id = :gasp AND s.occurred_on <= :to AND (NOT :active OR s.occurred_on >= :from)
                        AND s.version = (SELECT max(l.version) FROM report_step l
                            WHERE l.proposal_id = s.proposal_id AND l.occurred_on <= :to)""")
                .param("gasp", gasp).param("from", period.from()).param("to", period.to()).param("active", activeOnly)
                .query(row -> {
                    statuses.put(row.getObject(1, UUID.class), ProposalStatus.valueOf(row.getString(2)));
                });
        return statuses;
    }
}
