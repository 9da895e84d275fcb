package fr.gasp.query.proposal;

import fr.gasp.events.proposal.ProposalEvent;
import fr.gasp.query.common.ReadModelRebuilder;
import fr.gasp.query.common.RebuiltRows;
import fr.gasp.query.common.RebuiltTable;
import fr.gasp.query.common.ReplayedEvent;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * {@link ProposalHistoryProjector}'s table, rebuilt: one row per proposal event, written as it
 * comes. The event's data is its stored JSON, which is what the projector's serialization of
 * the event gives (same ObjectMapper as the one that stored it; the rebuild tests compare).
 */
@Component
public class ProposalHistoryRebuild implements ReadModelRebuilder {

    private static final RebuiltTable HISTORY = RebuiltTable.of("proposal_history", "proposal_id", "version", "type",
            "occurred_on", "recorded_at", "actor", "role", "meeting_id", "data");

    @Override
    public List<RebuiltTable> tables() {
        return List.of(HISTORY);
    }

    @Override
    public void begin() {
    }

    @Override
    public void apply(ReplayedEvent replayed, RebuiltRows rows) {
        if (replayed.payload() instanceof ProposalEvent event) {
            rows.add(HISTORY, event.proposalId(), replayed.sequenceNumber(), event.getClass().getSimpleName(),
                    event.occurredOn(), replayed.recordedAt(), replayed.meta("actor"), replayed.meta("role"),
                    event.meetingId(), replayed.payloadJson());
        }
    }

    @Override
    public void finish(RebuiltRows rows) {
    }
}
