package fr.gasp.query.proposal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gasp.events.organisation.GroupKind;
import fr.gasp.events.proposal.ProposalStatus;
import fr.gasp.query.meeting.MeetingReferences;
import fr.gasp.query.meeting.MeetingViews.MeetingReference;
import fr.gasp.query.proposal.ProposalViews.Decision;
import fr.gasp.query.proposal.ProposalViews.Detail;
import fr.gasp.query.proposal.ProposalViews.Discussion;
import fr.gasp.query.proposal.ProposalViews.Filter;
import fr.gasp.query.proposal.ProposalViews.HistoryEntry;
import fr.gasp.query.proposal.ProposalViews.Implementation;
import fr.gasp.query.proposal.ProposalViews.Page;
import fr.gasp.query.proposal.ProposalViews.Presentation;
import fr.gasp.query.proposal.ProposalViews.RaisedBy;
import fr.gasp.query.proposal.ProposalViews.Summary;
import fr.gasp.query.proposal.ProposalViews.Withdrawal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/** Reads the proposal read model, naming the meeting of each step. */
@Repository
public class ProposalQueries {

    /** The summary columns that never change with an as-of date; status, version and last step are added. */
    private static final String SUMMARY_COLUMNS = """
            p.proposal_id, p.gasp_id, p.title, p.raised_by_group_id, g.name AS group_name,
            g.kind AS group_kind, p.raised_on""";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final MeetingReferences meetings;

    public ProposalQueries(JdbcClient jdbc, ObjectMapper json, MeetingReferences meetings) {
        this.jdbc = jdbc;
        this.json = json;
        this.meetings = meetings;
    }

    public Page list(Filter filter, int page, int size) {
        return list(filter, page, size, null);
    }

    /**
     * With {@code asOf}, the proposals raised by that business date, each with its status,
     * version and last step as they stood that day (the status filter applies to that status).
     */
    public Page list(Filter filter, int page, int size, LocalDate asOf) {
        List<Object> params = new ArrayList<>();
        String from = " FROM proposal_view p";
        String state = "p.status, p.version, p.last_occurred_on";
        String status = "p.status";
        if (asOf != null) {
            from += """
                     JOIN (SELECT s.proposal_id, s.status_after, s.version, s.occurred_on FROM report_step s
                        JOIN (SELECT proposal_id, max(version) AS version FROM report_step WHERE occurred_on <= ?
                            GROUP BY proposal_id) l ON l.proposal_id = s.proposal_id AND l.version = s.version
                    ) a ON a.proposal_id = p.proposal_id""";
            params.add(asOf);
            state = "a.status_after AS status, a.version AS version, a.occurred_on AS last_occurred_on";
            status = "a.status_after";
        }
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (filter.gaspId() != null) {
            where.append(" AND p.gasp_id = ?");
            params.add(filter.gaspId());
        }
        if (filter.status() != null) {
            where.append(" AND ").append(status).append(" = ?");
            params.add(filter.status().name());
        }
        if (filter.groupId() != null) {
            where.append(" AND p.raised_by_group_id = ?");
            params.add(filter.groupId());
        }
        if (filter.theme() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM proposal_theme t WHERE t.proposal_id = p.proposal_id AND t.theme = ?)");
            params.add(filter.theme());
        }
        if (filter.year() != null) {
            // Active that year: at least one step whose business date falls in it.
            where.append(" AND EXISTS (SELECT 1 FROM proposal_history h WHERE h.proposal_id = p.proposal_id"
                    + " AND h.occurred_on >= ? AND h.occurred_on < ?)");
            params.add(LocalDate.of(filter.year(), 1, 1));
            params.add(LocalDate.of(filter.year() + 1, 1, 1));
        }
        long total = jdbc.sql("SELECT count(*)" + from + where)
                .params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<Summary> rows = jdbc.sql("SELECT " + SUMMARY_COLUMNS + ", " + state + from
                        + " LEFT JOIN group_view g ON g.group_id = p.raised_by_group_id" + where
                        + " ORDER BY p.raised_on DESC, p.proposal_id LIMIT ? OFFSET ?")
                .params(pageParams)
                .query((row, number) -> summary(row, List.of()))
                .list();
        Map<UUID, List<String>> themes = themesOf(rows.stream().map(Summary::id).toList());
        List<Summary> items = rows.stream()
                .map(s -> new Summary(s.id(), s.gaspId(), s.title(), s.status(), themes.getOrDefault(s.id(), List.of()),
                        s.raisedBy(), s.raisedOn(), s.lastOccurredOn(), s.version()))
                .toList();
        return new Page(items, total, page, size);
    }

    public OptionalLong version(UUID proposalId) {
        return jdbc.sql("SELECT version FROM proposal_view WHERE proposal_id = ?")
                .param(proposalId).query(Long.class).optional()
                .map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    @Transactional(readOnly = true)
    public Optional<Detail> detail(UUID proposalId) {
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + """
                        , p.status, p.version, p.last_occurred_on, p.description, p.raised_meeting_id, p.submitted_on, p.implementation_owner,
                        p.implementation_target_date, p.implementation_started_on, p.implementation_percent,
                        p.implementation_note, p.implementation_completed_on, p.implementation_outcome,
                        p.withdrawn_on, p.withdrawal_reason
                        FROM proposal_view p LEFT JOIN group_view g ON g.group_id = p.raised_by_group_id
                        WHERE p.proposal_id = ?""")
                .param(proposalId)
                .query((row, number) -> detail(row))
                .optional();
    }

    @Transactional(readOnly = true)
    public List<HistoryEntry> history(UUID proposalId) {
        Map<UUID, MeetingReference> meetingsOfProposal = meetingsOf(proposalId);
        return jdbc.sql("""
                        SELECT version, type, occurred_on, recorded_at, actor, role, meeting_id, data
                        FROM proposal_history WHERE proposal_id = ? ORDER BY version""")
                .param(proposalId)
                .query((row, number) -> {
                    UUID meetingId = row.getObject("meeting_id", UUID.class);
                    return new HistoryEntry(row.getLong("version"), row.getString("type"), date(row, "occurred_on"),
                            row.getObject("recorded_at", OffsetDateTime.class).toInstant(), row.getString("actor"),
                            row.getString("role"), meetingId, meeting(meetingsOfProposal, meetingId),
                            parse(row.getString("data")));
                })
                .list();
    }

    /**
     * The meetings at which any step of the proposal happened, read once for the whole answer:
     * the history holds the meeting of every step, whatever its kind.
     */
    private Map<UUID, MeetingReference> meetingsOf(UUID proposalId) {
        return meetings.byIds(jdbc.sql("""
                        SELECT DISTINCT meeting_id FROM proposal_history
                        WHERE proposal_id = ? AND meeting_id IS NOT NULL""")
                .param(proposalId)
                .query(UUID.class)
                .list());
    }

    private static MeetingReference meeting(Map<UUID, MeetingReference> known, UUID meetingId) {
        return meetingId == null ? null : known.get(meetingId);
    }

    private Detail detail(ResultSet row) throws SQLException {
        UUID id = row.getObject("proposal_id", UUID.class);
        ProposalStatus status = ProposalStatus.valueOf(row.getString("status"));
        LocalDate startedOn = date(row, "implementation_started_on");
        LocalDate completedOn = date(row, "implementation_completed_on");
        Implementation implementation = startedOn == null && completedOn == null ? null
                : new Implementation(row.getString("implementation_owner"), date(row, "implementation_target_date"),
                startedOn, (Integer) row.getObject("implementation_percent"), row.getString("implementation_note"),
                completedOn, row.getString("implementation_outcome"));
        LocalDate withdrawnOn = date(row, "withdrawn_on");
        UUID raisedAtMeetingId = row.getObject("raised_meeting_id", UUID.class);
        Map<UUID, MeetingReference> meetingsOfProposal = meetingsOf(id);
        return new Detail(id, row.getObject("gasp_id", UUID.class), row.getString("title"),
                row.getString("description"), themesOf(List.of(id)).getOrDefault(id, List.of()), status,
                status.allowedActions(), raisedBy(row), raisedAtMeetingId,
                meeting(meetingsOfProposal, raisedAtMeetingId), date(row, "raised_on"), date(row, "submitted_on"),
                date(row, "last_occurred_on"), row.getLong("version"), discussions(id, meetingsOfProposal),
                decisions(id, meetingsOfProposal), presentations(id, meetingsOfProposal), implementation,
                withdrawnOn == null ? null : new Withdrawal(row.getString("withdrawal_reason"), withdrawnOn));
    }

    private List<Discussion> discussions(UUID proposalId, Map<UUID, MeetingReference> meetingsOfProposal) {
        return jdbc.sql("""
                        SELECT d.group_id, g.name, d.meeting_id, d.summary, d.occurred_on, d.version
                        FROM proposal_discussion d LEFT JOIN group_view g ON g.group_id = d.group_id
                        WHERE d.proposal_id = ? ORDER BY d.version""")
                .param(proposalId)
                .query((row, number) -> {
                    UUID meetingId = row.getObject("meeting_id", UUID.class);
                    return new Discussion(row.getObject("group_id", UUID.class), row.getString("name"), meetingId,
                            meeting(meetingsOfProposal, meetingId), row.getString("summary"),
                            date(row, "occurred_on"), row.getLong("version"));
                })
                .list();
    }

    private List<Decision> decisions(UUID proposalId, Map<UUID, MeetingReference> meetingsOfProposal) {
        return jdbc.sql("""
                        SELECT outcome, rationale, meeting_id, decided_on, decided_by, version
                        FROM proposal_decision WHERE proposal_id = ? ORDER BY version""")
                .param(proposalId)
                .query((row, number) -> {
                    UUID meetingId = row.getObject("meeting_id", UUID.class);
                    return new Decision(row.getString("outcome"), row.getString("rationale"), meetingId,
                            meeting(meetingsOfProposal, meetingId), date(row, "decided_on"),
                            row.getString("decided_by"), row.getLong("version"));
                })
                .list();
    }

    private List<Presentation> presentations(UUID proposalId, Map<UUID, MeetingReference> meetingsOfProposal) {
        return jdbc.sql("""
                        SELECT meeting_id, occurred_on, version
                        FROM proposal_presentation WHERE proposal_id = ? ORDER BY version""")
                .param(proposalId)
                .query((row, number) -> {
                    UUID meetingId = row.getObject("meeting_id", UUID.class);
                    return new Presentation(meetingId, meeting(meetingsOfProposal, meetingId),
                            date(row, "occurred_on"), row.getLong("version"));
                })
                .list();
    }

    private Map<UUID, List<String>> themesOf(Collection<UUID> proposalIds) {
        Map<UUID, List<String>> themes = new LinkedHashMap<>();
        if (proposalIds.isEmpty()) {
            return themes;
        }
        jdbc.sql("SELECT proposal_id, theme FROM proposal_theme WHERE proposal_id IN (:ids) ORDER BY proposal_id, position")
                .param("ids", proposalIds)
                .query(row -> {
                    themes.computeIfAbsent(row.getObject("proposal_id", UUID.class), id -> new ArrayList<>())
                            .add(row.getString("theme"));
                });
        return themes;
    }

    private static Summary summary(ResultSet row, List<String> themes) throws SQLException {
        return new Summary(row.getObject("proposal_id", UUID.class), row.getObject("gasp_id", UUID.class),
                row.getString("title"), ProposalStatus.valueOf(row.getString("status")), themes, raisedBy(row),
                date(row, "raised_on"), date(row, "last_occurred_on"), row.getLong("version"));
    }

    private static RaisedBy raisedBy(ResultSet row) throws SQLException {
        String kind = row.getString("group_kind");
        return new RaisedBy(row.getObject("raised_by_group_id", UUID.class), row.getString("group_name"),
                kind == null ? null : GroupKind.valueOf(kind));
    }

    private static LocalDate date(ResultSet row, String column) throws SQLException {
        return row.getObject(column, LocalDate.class);
    }

    private JsonNode parse(String data) {
        try {
            return json.readTree(data);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
