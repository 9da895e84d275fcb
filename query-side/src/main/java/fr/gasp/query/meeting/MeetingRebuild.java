package fr.gasp.query.meeting;

import fr.gasp.events.meeting.MeetingHeld;
import fr.gasp.events.meeting.MinutesRecorded;
import fr.gasp.events.meeting.RestitutionHeld;
import fr.gasp.query.common.ReadModelRebuilder;
import fr.gasp.query.common.RebuiltRows;
import fr.gasp.query.common.RebuiltTable;
import fr.gasp.query.common.ReplayedEvent;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** {@link MeetingProjector}'s tables, rebuilt: meetings (whose version moves) and restitutions kept until the end. */
@Component
public class MeetingRebuild implements ReadModelRebuilder {

    private static final RebuiltTable VIEW = RebuiltTable.of("meeting_view", "meeting_id", "gasp_id", "kind",
            "group_id", "occurred_on", "attendee_count", "version");
    private static final RebuiltTable ATTENDEE = RebuiltTable.of("meeting_attendee", "meeting_id", "position",
            "member_id");
    private static final RebuiltTable MINUTES = RebuiltTable.of("meeting_minutes", "meeting_id", "minutes_version",
            "minutes_text", "occurred_on", "recorded_at", "actor", "role");
    private static final RebuiltTable RESTITUTION = RebuiltTable.of("meeting_restitution", "meeting_id",
            "proposal_id");

    private final Map<UUID, MeetingHeld> meetings = new LinkedHashMap<>();
    private final Map<UUID, Long> versions = new LinkedHashMap<>();
    private final Set<List<UUID>> restitutions = new LinkedHashSet<>();

    @Override
    public List<RebuiltTable> tables() {
        return List.of(VIEW, ATTENDEE, MINUTES, RESTITUTION);
    }

    @Override
    public void begin() {
        meetings.clear();
        versions.clear();
        restitutions.clear();
    }

    @Override
    public void apply(ReplayedEvent replayed, RebuiltRows rows) {
        Object payload = replayed.payload();
        if (payload instanceof MeetingHeld held) {
            meetings.put(held.meetingId(), held);
            versions.put(held.meetingId(), replayed.sequenceNumber());
            List<UUID> attendees = held.attendeeIds() == null ? List.of() : held.attendeeIds();
            for (int position = 0; position < attendees.size(); position++) {
                rows.add(ATTENDEE, held.meetingId(), position, attendees.get(position));
            }
        } else if (payload instanceof MinutesRecorded minutes) {
            advance(minutes.meetingId(), replayed.sequenceNumber());
            rows.add(MINUTES, minutes.meetingId(), minutes.minutesVersion(), minutes.text(), minutes.occurredOn(),
                    replayed.recordedAt(), replayed.meta("actor"), replayed.meta("role"));
        } else if (payload instanceof RestitutionHeld restitution) {
            advance(restitution.meetingId(), replayed.sequenceNumber());
            for (UUID proposalId : restitution.proposalIds()) {
                restitutions.add(List.of(restitution.meetingId(), proposalId));
            }
        }
    }

    /** As the projector's UPDATE: a meeting it never saw is left alone. */
    private void advance(UUID meetingId, long version) {
        versions.computeIfPresent(meetingId, (id, previous) -> version);
    }

    @Override
    public void finish(RebuiltRows rows) {
        for (MeetingHeld held : meetings.values()) {
            rows.add(VIEW, held.meetingId(), held.gaspId(), held.kind().name(), held.groupId(), held.occurredOn(),
                    held.attendeeCount(), versions.get(held.meetingId()));
        }
        for (List<UUID> restitution : restitutions) {
            rows.add(RESTITUTION, restitution.get(0), restitution.get(1));
        }
    }
}
