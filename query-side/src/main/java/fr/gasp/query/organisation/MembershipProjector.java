package fr.gasp.query.organisation;

import fr.gasp.events.organisation.MemberJoined;
import fr.gasp.events.organisation.MemberLeft;
import fr.gasp.query.common.ReadModel;
import fr.gasp.query.common.ProjectionWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Who is, and who was, in each group. Names are not projected: they stay in the command
 * side's member registry and are joined when read, which is also why
 * {@code MemberPersonalDataErased} needs no handler here.
 */
@Component
@ProcessingGroup(ReadModel.PROCESSING_GROUP)
public class MembershipProjector {

    private final ProjectionWrites writes;

    public MembershipProjector(ProjectionWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(MemberJoined event, @SequenceNumber long groupVersion) {
        // Keyed by the group's version too, so someone who comes back starts a second stay.
        writes.execute("""
                        INSERT INTO group_member (group_id, member_id, joined_version, institution, role, joined_on)
                        VALUES (?, ?, ?, ?, ?, ?)""",
                event.groupId(), event.memberId(), groupVersion, event.institution(), event.role(), event.occurredOn());
    }

    @EventHandler
    void on(MemberLeft event) {
        writes.execute("UPDATE group_member SET left_on = ? WHERE group_id = ? AND member_id = ? AND left_on IS NULL",
                event.occurredOn(), event.groupId(), event.memberId());
    }
}
