package fr.gasp.query.organisation;

import fr.gasp.events.organisation.GaspCreated;
import fr.gasp.events.organisation.GroupCreated;
import fr.gasp.query.common.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** GASPs and groups, as the other read models name them. */
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
    void on(GroupCreated event) {
        jdbc.sql("INSERT INTO group_view (group_id, gasp_id, kind, name, created_on) VALUES (?, ?, ?, ?, ?)")
                .params(event.groupId(), event.gaspId(), event.kind().name(), event.name(), event.occurredOn())
                .update();
    }
}
