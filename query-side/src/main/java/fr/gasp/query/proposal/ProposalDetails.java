package fr.gasp.query.proposal;

import fr.gasp.events.proposal.ProposalStatus;
import fr.gasp.query.common.ReadsInOneRoundTrip;
import fr.gasp.query.meeting.MeetingReferences;
import fr.gasp.query.meeting.MeetingViews.MeetingReference;
import fr.gasp.query.proposal.ProposalViews.Decision;
import fr.gasp.query.proposal.ProposalViews.Detail;
import fr.gasp.query.proposal.ProposalViews.Discussion;
import fr.gasp.query.proposal.ProposalViews.Implementation;
import fr.gasp.query.proposal.ProposalViews.Presentation;
import fr.gasp.query.proposal.ProposalViews.Withdrawal;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static fr.gasp.query.proposal.ProposalRows.date;
import static fr.gasp.query.proposal.ProposalRows.meeting;
import static fr.gasp.query.proposal.ProposalRows.raisedBy;

/**
 * One proposal as the read model has it, with the meeting of each step named: its row, its
 * themes, discussions, decisions and presentations, and the meetings they name, read in one
 * round trip. A proposal's detail is what a client reads after each of its commands (and
 * what a page shows); read table by table it took eight round trips and a transaction.
 */
@Repository
public class ProposalDetails {

    private static final String THEMES = "SELECT theme FROM proposal_theme WHERE proposal_id = ? ORDER BY position";
    private static final String DISCUSSIONS = """
            SELECT d.group_id, g.name, d.meeting_id, d.summary, d.occurred_on, d.version
            FROM proposal_discussion d LEFT JOIN group_view g ON g.group_id = d.group_id
            WHERE d.proposal_id = ? ORDER BY d.version""";
    private static final String DECISIONS = """
            SELECT outcome, rationale, meeting_id, decided_on, decided_by, version
            FROM proposal_decision WHERE proposal_id = ? ORDER BY version""";
    private static final String PRESENTATIONS = """
            SELECT meeting_id, occurred_on, version
            FROM proposal_presentation WHERE proposal_id = ? ORDER BY version""";
    private static final String PROPOSAL = "SELECT " + ProposalRows.SUMMARY_COLUMNS + """
            , p.status, p.version, p.last_occurred_on, p.description, p.raised_meeting_id, p.submitted_on,
            p.implementation_owner, p.implementation_target_date, p.implementation_started_on,
            p.implementation_percent, p.implementation_note, p.implementation_completed_on,
            p.implementation_outcome, p.withdrawn_on, p.withdrawal_reason
            FROM proposal_view p LEFT JOIN group_view g ON g.group_id = p.raised_by_group_id
            WHERE p.proposal_id = ?""";

    private final JdbcTemplate jdbc;

    public ProposalDetails(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Detail> of(UUID proposalId) {
        Map<UUID, MeetingReference> meetings = new HashMap<>();
        List<String> themes = new ArrayList<>();
        List<Discussion> discussions = new ArrayList<>();
        List<Decision> decisions = new ArrayList<>();
        List<Presentation> presentations = new ArrayList<>();
        List<Detail> detail = new ArrayList<>(1);
        List<UUID> byId = List.of(proposalId);
        // The meetings first: every later row names its meeting from them.
        new ReadsInOneRoundTrip()
                .read(ProposalRows.MEETINGS, byId, row -> MeetingReferences.addTo(meetings, row))
                .read(THEMES, byId, row -> themes.add(row.getString("theme")))
                .read(DISCUSSIONS, byId, row -> discussions.add(discussion(row, meetings)))
                .read(DECISIONS, byId, row -> decisions.add(decision(row, meetings)))
                .read(PRESENTATIONS, byId, row -> presentations.add(presentation(row, meetings)))
                .read(PROPOSAL, byId, row -> detail.add(
                        detail(row, meetings, themes, discussions, decisions, presentations)))
                .run(jdbc);
        return detail.stream().findFirst();
    }

    private static Detail detail(ResultSet row, Map<UUID, MeetingReference> meetings, List<String> themes,
                                 List<Discussion> discussions, List<Decision> decisions,
                                 List<Presentation> presentations) throws SQLException {
        ProposalStatus status = ProposalStatus.valueOf(row.getString("status"));
        LocalDate startedOn = date(row, "implementation_started_on");
        LocalDate completedOn = date(row, "implementation_completed_on");
        Implementation implementation = startedOn == null && completedOn == null ? null
                : new Implementation(row.getString("implementation_owner"), date(row, "implementation_target_date"),
                startedOn, (Integer) row.getObject("implementation_percent"), row.getString("implementation_note"),
                completedOn, row.getString("implementation_outcome"));
        LocalDate withdrawnOn = date(row, "withdrawn_on");
        UUID raisedAtMeetingId = row.getObject("raised_meeting_id", UUID.class);
        return new Detail(row.getObject("proposal_id", UUID.class), row.getObject("gasp_id", UUID.class),
                row.getString("title"), row.getString("description"), List.copyOf(themes), status,
                status.allowedActions(), raisedBy(row), raisedAtMeetingId,
                meeting(meetings, raisedAtMeetingId), date(row, "raised_on"), date(row, "submitted_on"),
                date(row, "last_occurred_on"), row.getLong("version"), List.copyOf(discussions),
                List.copyOf(decisions), List.copyOf(presentations), implementation,
                withdrawnOn == null ? null : new Withdrawal(row.getString("withdrawal_reason"), withdrawnOn));
    }

    private static Discussion discussion(ResultSet row, Map<UUID, MeetingReference> meetings) throws SQLException {
        UUID meetingId = row.getObject("meeting_id", UUID.class);
        return new Discussion(row.getObject("group_id", UUID.class), row.getString("name"), meetingId,
                meeting(meetings, meetingId), row.getString("summary"), date(row, "occurred_on"),
                row.getLong("version"));
    }

    private static Decision decision(ResultSet row, Map<UUID, MeetingReference> meetings) throws SQLException {
        UUID meetingId = row.getObject("meeting_id", UUID.class);
        return new Decision(row.getString("outcome"), row.getString("rationale"), meetingId,
                meeting(meetings, meetingId), date(row, "decided_on"), row.getString("decided_by"),
                row.getLong("version"));
    }

    private static Presentation presentation(ResultSet row, Map<UUID, MeetingReference> meetings)
            throws SQLException {
        UUID meetingId = row.getObject("meeting_id", UUID.class);
        return new Presentation(meetingId, meeting(meetings, meetingId), date(row, "occurred_on"),
                row.getLong("version"));
    }
}
