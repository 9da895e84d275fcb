package fr.gasp.query.meeting;

import fr.gasp.events.meeting.MeetingKind;
import fr.gasp.query.meeting.MeetingViews.MeetingReference;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * Names meetings for the other read models (a proposal's history, its discussions and
 * decisions): a statement they read along with their own, and how to read its rows.
 */
public final class MeetingReferences {

    private static final String SELECT_REFERENCES = """
            SELECT m.meeting_id, m.kind, m.occurred_on, m.group_id, g.name AS group_name
            FROM meeting_view m LEFT JOIN group_view g ON g.group_id = m.group_id""";

    private MeetingReferences() {
    }

    /**
     * The statement naming the meetings whose ids {@code idsQuery} selects (an unknown id is
     * simply absent), for a caller that reads it with others
     * ({@link fr.gasp.query.common.ReadsInOneRoundTrip}) and each of its rows with {@link #addTo}.
     */
    public static String whereIdIn(String idsQuery) {
        return SELECT_REFERENCES + " WHERE m.meeting_id IN (" + idsQuery + ")";
    }

    /** Adds the meeting of a row of {@link #whereIdIn} to {@code meetings}. */
    public static void addTo(Map<UUID, MeetingReference> meetings, ResultSet row) throws SQLException {
        UUID id = row.getObject("meeting_id", UUID.class);
        meetings.put(id, new MeetingReference(id, MeetingKind.valueOf(row.getString("kind")),
                row.getObject("occurred_on", LocalDate.class), row.getObject("group_id", UUID.class),
                row.getString("group_name")));
    }
}
