package fr.gasp.query.report;

import fr.gasp.events.meeting.MeetingKind;
import fr.gasp.events.organisation.Cadence;
import fr.gasp.query.organisation.OrganisationViews.GaspView;
import fr.gasp.query.organisation.OrganisationViews.GroupSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Whether each body of a GASP meets at its pace: meetings held in a period against the
 * cadence, pro-rated over the part of the period the GASP existed (a GASP created in June
 * owes half its yearly meetings that year).
 */
@Component
public class MeetingsAgainstCadence {

    private final JdbcClient jdbc;

    public MeetingsAgainstCadence(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Line(UUID groupId, String groupName, MeetingKind kind, long expected, long held) {
    }

    public List<Line> of(GaspView gasp, ReportPeriod period) {
        Map<String, Long> held = new HashMap<>();
        jdbc.sql("""
                        SELECT group_id, kind, count(*) AS n FROM meeting_view
                        WHERE gasp_id = :gasp AND occurred_on BETWEEN :from AND :to GROUP BY group_id, kind""")
                .param("gasp", gasp.id()).param("from", period.from()).param("to", period.to())
                .query(row -> {
                    held.put(key(row.getObject("group_id", UUID.class), MeetingKind.valueOf(row.getString("kind"))),
                            row.getLong("n"));
                });
        Cadence cadence = gasp.cadence();
        List<Line> lines = new ArrayList<>();
        for (GroupSummary group : gasp.groups()) {
            MeetingKind kind = switch (group.kind()) {
                case AGENTS, USERS -> MeetingKind.GROUP;
                case REFERENTS -> MeetingKind.REFERENTS_SESSION;
            };
            int perYear = switch (group.kind()) {
                case AGENTS -> cadence.agentsMeetings();
                case USERS -> cadence.usersMeetings();
                case REFERENTS -> cadence.referentsSessions();
            };
            lines.add(new Line(group.id(), group.name(), kind, expected(perYear, gasp.createdOn(), period),
                    held.getOrDefault(key(group.id(), kind), 0L)));
        }
        lines.add(new Line(null, "Rencontre inter-groupes", MeetingKind.JOINT,
                expected(cadence.jointMeetings(), gasp.createdOn(), period),
                held.getOrDefault(key(null, MeetingKind.JOINT), 0L)));
        return lines;
    }

    /** The yearly figure times the share of each calendar year covered, from the GASP's creation on. */
    static long expected(int perYear, LocalDate createdOn, ReportPeriod period) {
        LocalDate from = period.from().isBefore(createdOn) ? createdOn : period.from();
        if (period.to().isBefore(from)) {
            return 0;
        }
        double owed = 0;
        for (int year = from.getYear(); year <= period.to().getYear(); year++) {
            LocalDate start = year == from.getYear() ? from : LocalDate.of(year, 1, 1);
            LocalDate end = year == period.to().getYear() ? period.to() : LocalDate.of(year, 12, 31);
            owed += perYear * (double) (ChronoUnit.DAYS.between(start, end) + 1) / start.lengthOfYear();
        }
        return Math.round(owed);
    }

    private static String key(UUID groupId, MeetingKind kind) {
        return groupId + "/" + kind;
    }
}
