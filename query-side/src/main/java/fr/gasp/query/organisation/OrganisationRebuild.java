package fr.gasp.query.organisation;

import fr.gasp.events.organisation.GaspCadenceSet;
import fr.gasp.events.organisation.GaspCreated;
import fr.gasp.events.organisation.GroupCreated;
import fr.gasp.events.organisation.MemberJoined;
import fr.gasp.events.organisation.MemberLeft;
import fr.gasp.query.common.ReadModelRebuilder;
import fr.gasp.query.common.RebuiltRows;
import fr.gasp.query.common.RebuiltTable;
import fr.gasp.query.common.ReplayedEvent;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@link OrganisationProjector}'s and {@link MembershipProjector}'s tables, rebuilt: the cadence
 * in force and each stay in a group (which a departure closes) are kept until the end.
 */
@Component
public class OrganisationRebuild implements ReadModelRebuilder {

    private static final RebuiltTable GASP = RebuiltTable.of("gasp_view", "gasp_id", "name", "communes",
            "created_on");
    private static final RebuiltTable GROUP = RebuiltTable.of("group_view", "group_id", "gasp_id", "kind", "name",
            "created_on");
    private static final RebuiltTable CADENCE = RebuiltTable.of("gasp_cadence", "gasp_id", "agents_meetings",
            "users_meetings", "referents_sessions", "joint_meetings", "set_on");
    private static final RebuiltTable MEMBER = RebuiltTable.of("group_member", "group_id", "member_id",
            "joined_version", "institution", "role", "joined_on", "left_on");

    private final Map<UUID, GaspCadenceSet> cadences = new LinkedHashMap<>();
    private final List<Stay> stays = new ArrayList<>();

    @Override
    public List<RebuiltTable> tables() {
        return List.of(GASP, GROUP, CADENCE, MEMBER);
    }

    @Override
    public void begin() {
        cadences.clear();
        stays.clear();
    }

    @Override
    public void apply(ReplayedEvent replayed, RebuiltRows rows) {
        Object payload = replayed.payload();
        if (payload instanceof GaspCreated created) {
            rows.add(GASP, created.gaspId(), created.name(), String.join("\n", created.communes()),
                    created.occurredOn());
        } else if (payload instanceof GroupCreated created) {
            rows.add(GROUP, created.groupId(), created.gaspId(), created.kind().name(), created.name(),
                    created.occurredOn());
        } else if (payload instanceof GaspCadenceSet cadenceSet) {
            cadences.put(cadenceSet.gaspId(), cadenceSet);
        } else if (payload instanceof MemberJoined joined) {
            stays.add(new Stay(joined, replayed.sequenceNumber()));
        } else if (payload instanceof MemberLeft left) {
            for (Stay stay : stays) {
                if (stay.joined.groupId().equals(left.groupId()) && stay.joined.memberId().equals(left.memberId())
                        && stay.leftOn == null) {
                    stay.leftOn = left.occurredOn();
                }
            }
        }
    }

    @Override
    public void finish(RebuiltRows rows) {
        for (GaspCadenceSet set : cadences.values()) {
            rows.add(CADENCE, set.gaspId(), set.cadence().agentsMeetings(), set.cadence().usersMeetings(),
                    set.cadence().referentsSessions(), set.cadence().jointMeetings(), set.occurredOn());
        }
        for (Stay stay : stays) {
            rows.add(MEMBER, stay.joined.groupId(), stay.joined.memberId(), stay.joinedVersion,
                    stay.joined.institution(), stay.joined.role(), stay.joined.occurredOn(), stay.leftOn);
        }
    }

    /** One stay of a member in a group: open until a departure closes it. */
    private static final class Stay {
        final MemberJoined joined;
        final long joinedVersion;
        LocalDate leftOn;

        Stay(MemberJoined joined, long joinedVersion) {
            this.joined = joined;
            this.joinedVersion = joinedVersion;
        }
    }
}
