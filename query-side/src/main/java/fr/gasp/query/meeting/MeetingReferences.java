package fr.gasp.query.meeting;

import fr.gasp.events.meeting.MeetingKind;
import fr.gasp.query.meeting.MeetingViews.MeetingReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Names meetings for the other read models (a proposal's history, its discussions and decisions). */
@Repository
public class MeetingReferences {

    private final JdbcClient jdbc;

    public MeetingReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The meetings known among {@code meetingIds} ({@code null}s ignored); an unknown id is simply absent. */
    public Map<UUID, MeetingReference> byIds(Collection<UUID> meetingIds) {
        Map<UUID, MeetingReference> meetings = new HashMap<>();
        var ids = meetingIds.stream().filter(Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return meetings;
        }
        jdbc.sql("""
                        SELECT m.meeting_id, m.kind, m.occurred_on, m.group_id, g.name AS group_name
                        FROM meeting_view m LEFT JOIN group_view g ON g.group_id = m.group_id
                        WHERE m.meeting_id IN (:ids)""")
                .param("ids", ids)
                .query(row -> {
                    UUID id = row.getObject("meeting_id", UUID.class);
                    meetings.put(id, new MeetingReference(id, MeetingKind.valueOf(row.getString("kind")),
                            row.getObject("occurred_on", LocalDate.class), row.getObject("group_id", UUID.class),
                            row.getString("group_name")));
                });
        return meetings;
    }
}
