package fr.gasp.query.proposal;

import fr.gasp.events.organisation.GroupKind;
import fr.gasp.query.meeting.MeetingReferences;
import fr.gasp.query.meeting.MeetingViews.MeetingReference;
import fr.gasp.query.proposal.ProposalViews.RaisedBy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** What the proposal reads share: the columns of a proposal's summary and how they are read. */
final class ProposalRows {

    /** The summary columns that never change with an as-of date; status, version and last step are added. */
    static final String SUMMARY_COLUMNS = """
            p.proposal_id, p.gasp_id, p.title, p.raised_by_group_id, g.name AS group_name,
            g.kind AS group_kind, p.raised_on""";

    /**
     * The meetings at which any step of a proposal (the parameter) happened: its history holds
     * the meeting of every step, whatever its kind.
     */
    static final String MEETINGS = MeetingReferences.whereIdIn(
            "SELECT meeting_id FROM proposal_history WHERE proposal_id = ? AND meeting_id IS NOT NULL");

    private ProposalRows() {
    }

    static RaisedBy raisedBy(ResultSet row) throws SQLException {
        String kind = row.getString("group_kind");
        return new RaisedBy(row.getObject("raised_by_group_id", UUID.class), row.getString("group_name"),
                kind == null ? null : GroupKind.valueOf(kind));
    }

    static LocalDate date(ResultSet row, String column) throws SQLException {
        return row.getObject(column, LocalDate.class);
    }

    /** The meeting named {@code meetingId} among those read, or none. */
    static MeetingReference meeting(Map<UUID, MeetingReference> known, UUID meetingId) {
        return meetingId == null ? null : known.get(meetingId);
    }
}
