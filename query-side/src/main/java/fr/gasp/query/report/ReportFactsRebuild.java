package fr.gasp.query.report;

import fr.gasp.events.proposal.ProposalAmended;
import fr.gasp.events.proposal.ProposalEvent;
import fr.gasp.events.proposal.ProposalRaised;
import fr.gasp.events.proposal.ProposalStatus;
import fr.gasp.query.common.ReadModelRebuilder;
import fr.gasp.query.common.RebuiltRows;
import fr.gasp.query.common.RebuiltTable;
import fr.gasp.query.common.ReplayedEvent;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@link ReportFactsProjector}'s tables, rebuilt: the last step of each proposal is kept in memory, not read back. */
@Component
public class ReportFactsRebuild implements ReadModelRebuilder {

    private static final RebuiltTable STEP = RebuiltTable.of("report_step", "proposal_id", "version", "gasp_id",
            "raised_by_group_id", "type", "occurred_on", "status_after", "rationale", "first_of_type", "first_in_year");
    private static final RebuiltTable THEME = RebuiltTable.of("report_theme", "proposal_id", "version", "position",
            "theme", "gasp_id", "occurred_on");

    private final Map<UUID, Previous> lastSteps = new HashMap<>();
    /** Per proposal, step type → calendar year of its latest step of that type. */
    private final Map<UUID, Map<String, Integer>> lastYearOfType = new HashMap<>();

    @Override
    public List<RebuiltTable> tables() {
        return List.of(STEP, THEME);
    }

    @Override
    public void begin() {
        lastSteps.clear();
        lastYearOfType.clear();
    }

    @Override
    public void apply(ReplayedEvent replayed, RebuiltRows rows) {
        if (!(replayed.payload() instanceof ProposalEvent event)) {
            return;
        }
        long version = replayed.sequenceNumber();
        Previous previous = event instanceof ProposalRaised raised
                ? new Previous(raised.gaspId(), raised.raisedByGroupId(), null)
                : lastSteps.get(event.proposalId());
        if (previous == null) {
            throw new IllegalStateException("Proposal " + event.proposalId() + " has an event before being raised");
        }
        ProposalStatus after = ProposalStatus.after(previous.status(), event);
        String type = event.getClass().getSimpleName();
        int year = event.occurredOn().getYear();
        // Dates never go backwards: the latest earlier step of the type tells whether one was in this year.
        Integer lastYear = lastYearOfType.computeIfAbsent(event.proposalId(), id -> new HashMap<>(8)).put(type, year);
        rows.add(STEP, event.proposalId(), version, previous.gaspId(), previous.raisedByGroupId(),
                type, event.occurredOn(), after.name(), ReportFactsProjector.rationale(event),
                lastYear == null, lastYear == null || lastYear != year);
        lastSteps.put(event.proposalId(),
                new Previous(previous.gaspId(), previous.raisedByGroupId(), after));
        List<String> themes = event instanceof ProposalRaised raised ? raised.themes()
                : event instanceof ProposalAmended amended ? amended.themes() : null;
        if (themes != null) {
            for (int position = 0; position < themes.size(); position++) {
                rows.add(THEME, event.proposalId(), version, position, themes.get(position), previous.gaspId(),
                        event.occurredOn());
            }
        }
    }

    @Override
    public void finish(RebuiltRows rows) {
    }

    /** What the next step of a proposal needs from its last one. */
    private record Previous(UUID gaspId, UUID raisedByGroupId, ProposalStatus status) {
    }
}
