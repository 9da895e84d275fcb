package fr.gasp.query.proposal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gasp.events.proposal.ProposalEvent;
import fr.gasp.query.common.ReadModelRebuilder;
import fr.gasp.query.common.RebuiltRows;
import fr.gasp.query.common.RebuiltTable;
import fr.gasp.query.common.ReplayedEvent;
import org.springframework.stereotype.Component;

import java.io.UncheckedIOException;
import java.util.List;

/** {@link ProposalHistoryProjector}'s table, rebuilt: one row per proposal event, written as it comes. */
@Component
public class ProposalHistoryRebuild implements ReadModelRebuilder {

    private static final RebuiltTable HISTORY = RebuiltTable.of("proposal_history", "proposal_id", "version", "type",
            "occurred_on", "recorded_at", "actor", "role", "meeting_id", "data");

    private final ObjectMapper json;

    public ProposalHistoryRebuild(ObjectMapper json) {
        this.json = json;
    }

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
            try {
                rows.add(HISTORY, event.proposalId(), replayed.sequenceNumber(), event.getClass().getSimpleName(),
                        event.occurredOn(), replayed.recordedAt(), replayed.meta("actor"), replayed.meta("role"),
                        event.meetingId(), json.writeValueAsString(event));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void finish(RebuiltRows rows) {
    }
}
