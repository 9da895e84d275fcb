package fr.gasp.query.meeting;

import fr.gasp.events.meeting.MeetingHeld;
import fr.gasp.events.meeting.MinutesRecorded;
import fr.gasp.events.meeting.RestitutionHeld;
import fr.gasp.query.common.MultiRowInsert;
import fr.gasp.query.common.ReadModel;
import fr.gasp.query.common.ProjectionWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Meetings as the meeting itself records them: when, who attended (by id), every version of
 * the minutes, and a joint meeting's restitution. Each event also moves the meeting's
 * version, so a client can wait for its own write.
 */
@Component
@ProcessingGroup(ReadModel.PROCESSING_GROUP)
public class MeetingProjector {

    private final ProjectionWrites writes;

    public MeetingProjector(ProjectionWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(MeetingHeld event, @SequenceNumber long version) {
        writes.execute("""
                        INSERT INTO meeting_view (meeting_id, gasp_id, kind, group_id, occurred_on, attendee_count,
                            version)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""",
                event.meetingId(), event.gaspId(), event.kind().name(), event.groupId(), event.occurredOn(),
                event.attendeeCount(), version);
        List<UUID> attendees = event.attendeeIds() == null ? List.of() : event.attendeeIds();
        MultiRowInsert.insert(writes, "meeting_attendee", List.of("meeting_id", "position", "member_id"),
                MultiRowInsert.positioned(event.meetingId(), attendees));
    }

    @EventHandler
    void on(MinutesRecorded event, @SequenceNumber long version, @Timestamp Instant recordedAt, MetaData metaData) {
        advance(event.meetingId(), version);
        writes.execute("""
                        INSERT INTO meeting_minutes (meeting_id, minutes_version, minutes_text, occurred_on,
                            recorded_at, actor, role)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""",
                event.meetingId(), event.minutesVersion(), event.text(), event.occurredOn(),
                OffsetDateTime.ofInstant(recordedAt, ZoneOffset.UTC), metaData.get("actor"), metaData.get("role"));
    }

    @EventHandler
    void on(RestitutionHeld event, @SequenceNumber long version) {
        advance(event.meetingId(), version);
        for (UUID proposalId : event.proposalIds()) {
            // A second restitution may present a proposal again: it was presented at this meeting once.
            writes.execute("""
                            INSERT INTO meeting_restitution (meeting_id, proposal_id)
                            SELECT ?, ? WHERE NOT EXISTS (
                                SELECT 1 FROM meeting_restitution WHERE meeting_id = ? AND proposal_id = ?)""",
                    event.meetingId(), proposalId, event.meetingId(), proposalId);
        }
    }

    private void advance(UUID meetingId, long version) {
        writes.execute("UPDATE meeting_view SET version = ? WHERE meeting_id = ?",
                version, meetingId);
    }
}
