package fr.gasp.query.organisation;

import fr.gasp.events.organisation.GaspCadenceSet;
import fr.gasp.events.organisation.GaspCreated;
import fr.gasp.events.organisation.GroupCreated;
import fr.gasp.query.common.ReadModel;
import fr.gasp.query.common.ProjectionWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/** GASPs, their cadence and their groups, as the other read models name them. */
@Component
@ProcessingGroup(ReadModel.PROCESSING_GROUP)
public class OrganisationProjector {

    private final ProjectionWrites writes;

    public OrganisationProjector(ProjectionWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(GaspCreated event) {
        writes.execute("INSERT INTO gasp_view (gasp_id, name, communes, created_on) VALUES (?, ?, ?, ?)",
                event.gaspId(), event.name(), String.join("\n", event.communes()), event.occurredOn());
    }

    @EventHandler
    void on(GaspCadenceSet event) {
        // Replaced whole: the latest cadence is the one in force (no upsert that both databases share).
        writes.execute("DELETE FROM gasp_cadence WHERE gasp_id = ?",
                event.gaspId());
        writes.execute("""
                        INSERT INTO gasp_cadence (gasp_id, agents_meetings, users_meetings, referents_sessions,
                            joint_meetings, set_on)
                        VALUES (?, ?, ?, ?, ?, ?)""",
                event.gaspId(), event.cadence().agentsMeetings(), event.cadence().usersMeetings(),
                event.cadence().referentsSessions(), event.cadence().jointMeetings(), event.occurredOn());
    }

    @EventHandler
    void on(GroupCreated event) {
        writes.execute("INSERT INTO group_view (group_id, gasp_id, kind, name, created_on) VALUES (?, ?, ?, ?, ?)",
                event.groupId(), event.gaspId(), event.kind().name(), event.name(), event.occurredOn());
    }
}
