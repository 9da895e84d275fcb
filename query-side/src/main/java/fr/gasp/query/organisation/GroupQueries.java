package fr.gasp.query.organisation;

import fr.gasp.events.organisation.GroupKind;
import fr.gasp.query.organisation.OrganisationViews.GroupView;
import fr.gasp.query.organisation.OrganisationViews.Member;
import fr.gasp.query.organisation.OrganisationViews.PastMember;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads the groups with their current and past members, named from the member registry. */
@Repository
public class GroupQueries {

    /** Groups in the order the GASP article presents them: agents, users, then referents. */
    static final String DOMAIN_ORDER =
            "CASE kind WHEN 'AGENTS' THEN 1 WHEN 'USERS' THEN 2 ELSE 3 END, name, group_id";

    private static final String GROUP_SELECT = "SELECT group_id, gasp_id, kind, name, created_on FROM group_view";

    private final JdbcClient jdbc;

    public GroupQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every group, or those of one GASP when {@code gaspId} is given. */
    public List<GroupView> list(UUID gaspId) {
        List<GroupView> groups = gaspId == null
                ? jdbc.sql(GROUP_SELECT + " ORDER BY gasp_id, " + DOMAIN_ORDER)
                .query((row, number) -> group(row)).list()
                : jdbc.sql(GROUP_SELECT + " WHERE gasp_id = ? ORDER BY " + DOMAIN_ORDER)
                .param(gaspId).query((row, number) -> group(row)).list();
        return withMembers(groups);
    }

    public Optional<GroupView> find(UUID groupId) {
        return jdbc.sql(GROUP_SELECT + " WHERE group_id = ?")
                .param(groupId)
                .query((row, number) -> group(row))
                .optional()
                .map(group -> withMembers(List.of(group)).get(0));
    }

    private List<GroupView> withMembers(List<GroupView> groups) {
        Map<UUID, List<Member>> current = new HashMap<>();
        Map<UUID, List<PastMember>> past = new HashMap<>();
        Collection<UUID> groupIds = groups.stream().map(GroupView::id).toList();
        if (!groupIds.isEmpty()) {
            // The name is joined here, never copied: an erasure in the registry shows at once.
            jdbc.sql("""
                            SELECT m.group_id, m.member_id, r.display_name, m.institution, m.role, m.joined_on,
                                m.left_on
                            FROM group_member m LEFT JOIN member_registry r ON r.member_id = m.member_id
                            WHERE m.group_id IN (:ids)
                            ORDER BY m.joined_on, m.joined_version""")
                    .param("ids", groupIds)
                    .query(row -> {
                        UUID groupId = row.getObject("group_id", UUID.class);
                        LocalDate leftOn = row.getObject("left_on", LocalDate.class);
                        UUID memberId = row.getObject("member_id", UUID.class);
                        String name = MemberNames.shown(row.getString("display_name"));
                        LocalDate joinedOn = row.getObject("joined_on", LocalDate.class);
                        if (leftOn == null) {
                            current.computeIfAbsent(groupId, id -> new ArrayList<>()).add(new Member(memberId,
                                    name, row.getString("institution"), row.getString("role"), joinedOn));
                        } else {
                            past.computeIfAbsent(groupId, id -> new ArrayList<>()).add(new PastMember(memberId,
                                    name, row.getString("institution"), row.getString("role"), joinedOn, leftOn));
                        }
                    });
        }
        return groups.stream()
                .map(g -> new GroupView(g.id(), g.gaspId(), g.kind(), g.name(), g.createdOn(),
                        current.getOrDefault(g.id(), List.of()), past.getOrDefault(g.id(), List.of())))
                .toList();
    }

    private static GroupView group(ResultSet row) throws SQLException {
        return new GroupView(row.getObject("group_id", UUID.class), row.getObject("gasp_id", UUID.class),
                GroupKind.valueOf(row.getString("kind")), row.getString("name"),
                row.getObject("created_on", LocalDate.class), List.of(), List.of());
    }
}
