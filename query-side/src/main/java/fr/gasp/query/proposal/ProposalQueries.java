package fr.gasp.query.proposal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gasp.events.proposal.ProposalStatus;
import fr.gasp.query.common.ReadsInOneRoundTrip;
import fr.gasp.query.meeting.MeetingReferences;
import fr.gasp.query.meeting.MeetingViews.MeetingReference;
import fr.gasp.query.proposal.ProposalViews.Filter;
import fr.gasp.query.proposal.ProposalViews.HistoryEntry;
import fr.gasp.query.proposal.ProposalViews.Page;
import fr.gasp.query.proposal.ProposalViews.Summary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

import static fr.gasp.query.proposal.ProposalRows.SUMMARY_COLUMNS;
import static fr.gasp.query.proposal.ProposalRows.date;
import static fr.gasp.query.proposal.ProposalRows.meeting;
import static fr.gasp.query.proposal.ProposalRows.raisedBy;

/** Reads the proposal read model, naming the meeting of each step. */
@Repository
public class ProposalQueries {

    private final JdbcTemplate template;
    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public ProposalQueries(JdbcTemplate template, ObjectMapper json) {
        this.template = template;
        this.jdbc = JdbcClient.create(template);
        this.json = json;
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

    /** The proposal's events, oldest first, each naming its meeting: read in one round trip. */
    public List<HistoryEntry> history(UUID proposalId) {
        Map<UUID, MeetingReference> meetings = new HashMap<>();
        List<HistoryEntry> history = new ArrayList<>();
        List<UUID> byId = List.of(proposalId);
        new ReadsInOneRoundTrip()
                .read(ProposalRows.MEETINGS, byId, row -> MeetingReferences.addTo(meetings, row))
                .read("""
                        SELECT version, type, occurred_on, recorded_at, actor, role, meeting_id, data
                        FROM proposal_history WHERE proposal_id = ? ORDER BY version""", byId, row -> {
                    UUID meetingId = row.getObject("meeting_id", UUID.class);
                    history.add(new HistoryEntry(row.getLong("version"), row.getString("type"),
                            date(row, "occurred_on"), row.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                            row.getString("actor"), row.getString("role"), meetingId, meeting(meetings, meetingId),
                            parse(row.getString("data"))));
                })
                .run(template);
        return history;
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

    private JsonNode parse(String data) {
        try {
            return json.readTree(data);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
