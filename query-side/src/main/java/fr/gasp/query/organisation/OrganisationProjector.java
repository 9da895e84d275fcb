package fr.gasp.query.organisation;

import fr.gasp.events.organisation.GaspCadenceSet;
import fr.gasp.events.organisation.GaspCreated;
import fr.gasp.events.organisation.GroupCreated;
import fr.gasp.query.common.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** GASPs, their cadence and their groups, as the other read models name them. */
@Component
@ProcessingGroup(ReadModel.PROCESSING_GROUP)
public class OrganisationProjector {

    private final JdbcClient jdbc;

    public OrganisationProjector(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(GaspCreated event) {
        jdbc.sql("INSERT INTO gasp_view (gasp_id, name, communes, created_on) VALUES (?, ?, ?, ?)")
                .params(event.gaspId(), event.name(), String.join("\n", event.communes()), event.occurredOn())
                .update();
    }

    @EventHandler
    void on(GaspCadenceSet event) {
        // Replaced whole: the latest cadence is the one in force (no upsert that both databases share).
        jdbc.sql("DELETE FROM gasp_cadence WHERE gasp_id = ?").param(event.gaspId()).update();
        jdbc.sql("""
                        INSERT INTO gasp_cadence (gasp_id, agents_meetings, users_meetings, referents_sessions,
                            joint_meetings, set_on)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(event.gaspId(), event.cadence().agentsMeetings(), event.cadence().usersMeetings(),
                        event.cadence().referentsSessions(), event.cadence().jointMeetings(), event.occurredOn())
                .update();
    }

    @EventHandler
    void on(GroupCreated event) {
        jdbc.sql("INSERT INTO group_view (group_id, gasp_id, kind, name, created_on) VALUES (?, ?, ?, ?, ?)")
                .params(event.groupId(), event.gaspId(), event.kind().name(), event.name(), event.occurredOn())
                .update();
    }
}
