package fr.gasp.query.proposal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gasp.events.proposal.ProposalEvent;
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

/** One history entry per event of a proposal, with both clocks and who wrote it. */
@Component
@ProcessingGroup(ReadModel.PROCESSING_GROUP)
public class ProposalHistoryProjector {

    private final ProjectionWrites writes;
    private final ObjectMapper json;

    public ProposalHistoryProjector(ProjectionWrites writes, ObjectMapper json) {
        this.writes = writes;
        this.json = json;
    }

    @EventHandler
    void on(ProposalEvent event, @SequenceNumber long version, @Timestamp Instant recordedAt, MetaData metaData)
            throws JsonProcessingException {
        writes.execute("""
                        INSERT INTO proposal_history (proposal_id, version, type, occurred_on, recorded_at, actor, role,
                            meeting_id, data)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                event.proposalId(), version, event.getClass().getSimpleName(), event.occurredOn(),
                OffsetDateTime.ofInstant(recordedAt, ZoneOffset.UTC), metaData.get("actor"), metaData.get("role"),
                event.meetingId(), json.writeValueAsString(event));
    }
}
