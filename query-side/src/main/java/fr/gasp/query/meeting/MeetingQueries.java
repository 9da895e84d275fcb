package fr.gasp.query.meeting;

import fr.gasp.events.meeting.MeetingKind;
import fr.gasp.query.meeting.MeetingViews.Attendee;
import fr.gasp.query.meeting.MeetingViews.Filter;
import fr.gasp.query.meeting.MeetingViews.MeetingProposals;
import fr.gasp.query.meeting.MeetingViews.MeetingView;
import fr.gasp.query.meeting.MeetingViews.Minutes;
import fr.gasp.query.meeting.MeetingViews.MinutesVersion;
import fr.gasp.query.organisation.MemberNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/** Reads the meetings: who attended (named from the member registry), the minutes, the proposals. */
@Repository
public class MeetingQueries {

    private static final String MEETING_SELECT = """
            SELECT m.meeting_id, m.gasp_id, m.kind, m.group_id, g.name AS group_name, m.occurred_on,
                m.attendee_count, m.version
            FROM meeting_view m LEFT JOIN group_view g ON g.group_id = m.group_id""";

    private final JdbcClient jdbc;
    private final MeetingProposalQueries proposals;

    public MeetingQueries(JdbcClient jdbc, MeetingProposalQueries proposals) {
        this.jdbc = jdbc;
        this.proposals = proposals;
    }

    /** The meetings a filter keeps, by date then id; {@code year} is the year of the business date. */
    public List<MeetingView> list(Filter filter) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (filter.gaspId() != null) {
            where.append(" AND m.gasp_id = ?");
            params.add(filter.gaspId());
        }
        if (filter.groupId() != null) {
            where.append(" AND m.group_id = ?");
            params.add(filter.groupId());
        }
        if (filter.year() != null) {
            where.append(" AND m.occurred_on >= ? AND m.occurred_on < ?");
            params.add(LocalDate.of(filter.year(), 1, 1));
            params.add(LocalDate.of(filter.year() + 1, 1, 1));
        }
        List<MeetingView> meetings = jdbc.sql(MEETING_SELECT + where + " ORDER BY m.occurred_on, m.meeting_id")
                .params(params)
                .query((row, number) -> meeting(row))
                .list();
        return complete(meetings);
    }

    public Optional<MeetingView> find(UUID meetingId) {
        return jdbc.sql(MEETING_SELECT + " WHERE m.meeting_id = ?")
                .param(meetingId)
                .query((row, number) -> meeting(row))
                .optional()
                .map(meeting -> complete(List.of(meeting)).get(0));
    }

    /** The meeting's version: the sequence number of its last event, for read-your-writes. */
    public OptionalLong version(UUID meetingId) {
        return jdbc.sql("SELECT version FROM meeting_view WHERE meeting_id = ?")
                .param(meetingId).query(Long.class).optional()
                .map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    /** Every version of the meeting's minutes, oldest first. */
    public List<MinutesVersion> minutes(UUID meetingId) {
        return jdbc.sql("""
                        SELECT minutes_version, minutes_text, occurred_on, recorded_at, actor
                        FROM meeting_minutes WHERE meeting_id = ? ORDER BY minutes_version""")
                .param(meetingId)
                .query((row, number) -> new MinutesVersion(row.getInt("minutes_version"),
                        row.getString("minutes_text"), row.getObject("occurred_on", LocalDate.class),
                        row.getObject("recorded_at", OffsetDateTime.class).toInstant(), row.getString("actor")))
                .list();
    }

    /** Adds what lives in other tables, one query each for all the meetings at once. */
    private List<MeetingView> complete(List<MeetingView> meetings) {
        List<UUID> ids = meetings.stream().map(MeetingView::id).toList();
        Map<UUID, List<Attendee>> attendees = attendeesOf(ids);
        Map<UUID, Minutes> minutes = latestMinutesOf(ids);
        Map<UUID, MeetingProposals> proposalsAt = proposals.of(ids);
        return meetings.stream()
                .map(m -> new MeetingView(m.id(), m.gaspId(), m.kind(), m.groupId(), m.groupName(), m.occurredOn(),
                        m.attendeeCount(), attendees.getOrDefault(m.id(), List.of()), minutes.get(m.id()),
                        proposalsAt.getOrDefault(m.id(), MeetingProposalQueries.none()), m.version()))
                .toList();
    }

    private Map<UUID, List<Attendee>> attendeesOf(Collection<UUID> meetingIds) {
        Map<UUID, List<Attendee>> attendees = new HashMap<>();
        if (meetingIds.isEmpty()) {
            return attendees;
        }
        // The name is joined here, never copied: an erasure in the registry shows at once.
        jdbc.sql("""
                        SELECT a.meeting_id, a.member_id, r.display_name
                        FROM meeting_attendee a LEFT JOIN member_registry r ON r.member_id = a.member_id
                        WHERE a.meeting_id IN (:ids) ORDER BY a.meeting_id, a.position""")
                .param("ids", meetingIds)
                .query(row -> {
                    attendees.computeIfAbsent(row.getObject("meeting_id", UUID.class), id -> new ArrayList<>())
                            .add(new Attendee(row.getObject("member_id", UUID.class),
                                    MemberNames.shown(row.getString("display_name"))));
                });
        return attendees;
    }

    private Map<UUID, Minutes> latestMinutesOf(Collection<UUID> meetingIds) {
        Map<UUID, Minutes> minutes = new HashMap<>();
        if (meetingIds.isEmpty()) {
            return minutes;
        }
        jdbc.sql("""
                        SELECT n.meeting_id, n.minutes_version, n.minutes_text, n.occurred_on, n.recorded_at
                        FROM meeting_minutes n
                        WHERE n.meeting_id IN (:ids) AND n.minutes_version =
                            (SELECT max(l.minutes_version) FROM meeting_minutes l WHERE l.meeting_id = n.meeting_id)""")
                .param("ids", meetingIds)
                .query(row -> {
                    minutes.put(row.getObject("meeting_id", UUID.class), new Minutes(row.getInt("minutes_version"),
                            row.getString("minutes_text"), row.getObject("occurred_on", LocalDate.class),
                            row.getObject("recorded_at", OffsetDateTime.class).toInstant()));
                });
        return minutes;
    }

    private static MeetingView meeting(ResultSet row) throws SQLException {
        return new MeetingView(row.getObject("meeting_id", UUID.class), row.getObject("gasp_id", UUID.class),
                MeetingKind.valueOf(row.getString("kind")), row.getObject("group_id", UUID.class),
                row.getString("group_name"), row.getObject("occurred_on", LocalDate.class),
                (Integer) row.getObject("attendee_count"), List.of(), null, MeetingProposalQueries.none(),
                row.getLong("version"));
    }
}
