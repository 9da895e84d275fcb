package fr.gasp.query.organisation;

import fr.gasp.events.organisation.Cadence;
import fr.gasp.events.organisation.GroupKind;
import fr.gasp.query.organisation.OrganisationViews.GaspView;
import fr.gasp.query.organisation.OrganisationViews.GroupSummary;
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

/** Reads the GASPs, with their cadence and groups. */
@Repository
public class GaspQueries {

    private static final String GASP_SELECT = """
            SELECT g.gasp_id, g.name, g.communes, g.created_on, c.agents_meetings, c.users_meetings,
                c.referents_sessions, c.joint_meetings
            FROM gasp_view g LEFT JOIN gasp_cadence c ON c.gasp_id = g.gasp_id""";

    private final JdbcClient jdbc;

    public GaspQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<GaspView> list() {
        List<GaspView> gasps = jdbc.sql(GASP_SELECT + " ORDER BY g.name, g.gasp_id")
                .query((row, number) -> gasp(row, List.of()))
                .list();
        return withGroups(gasps);
    }

    public Optional<GaspView> find(UUID gaspId) {
        return jdbc.sql(GASP_SELECT + " WHERE g.gasp_id = ?")
                .param(gaspId)
                .query((row, number) -> gasp(row, List.of()))
                .optional()
                .map(gasp -> withGroups(List.of(gasp)).get(0));
    }

    private List<GaspView> withGroups(List<GaspView> gasps) {
        Map<UUID, List<GroupSummary>> groups = groupsOf(gasps.stream().map(GaspView::id).toList());
        return gasps.stream()
                .map(g -> new GaspView(g.id(), g.name(), g.communes(), g.createdOn(), g.cadence(),
                        groups.getOrDefault(g.id(), List.of())))
                .toList();
    }

    private Map<UUID, List<GroupSummary>> groupsOf(Collection<UUID> gaspIds) {
        Map<UUID, List<GroupSummary>> groups = new HashMap<>();
        if (gaspIds.isEmpty()) {
            return groups;
        }
        jdbc.sql("SELECT group_id, gasp_id, kind, name FROM group_view WHERE gasp_id IN (:ids) ORDER BY "
                        + GroupQueries.DOMAIN_ORDER)
                .param("ids", gaspIds)
                .query(row -> {
                    groups.computeIfAbsent(row.getObject("gasp_id", UUID.class), id -> new ArrayList<>())
                            .add(new GroupSummary(row.getObject("group_id", UUID.class),
                                    GroupKind.valueOf(row.getString("kind")), row.getString("name")));
                });
        return groups;
    }

    private static GaspView gasp(ResultSet row, List<GroupSummary> groups) throws SQLException {
        String communes = row.getString("communes");
        return new GaspView(row.getObject("gasp_id", UUID.class), row.getString("name"),
                communes.isEmpty() ? List.of() : List.of(communes.split("\n")),
                row.getObject("created_on", LocalDate.class), cadence(row), groups);
    }

    /** A GASP that never chose its cadence follows the default one (domain.md). */
    private static Cadence cadence(ResultSet row) throws SQLException {
        if (row.getObject("agents_meetings") == null) {
            return Cadence.DEFAULT;
        }
        return new Cadence(row.getInt("agents_meetings"), row.getInt("users_meetings"),
                row.getInt("referents_sessions"), row.getInt("joint_meetings"));
    }
}
