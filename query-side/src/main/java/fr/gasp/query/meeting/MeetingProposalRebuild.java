package fr.gasp.query.meeting;

import fr.gasp.events.proposal.ProposalDiscussed;
import fr.gasp.events.proposal.ProposalEvent;
import fr.gasp.events.proposal.ProposalPresented;
import fr.gasp.events.proposal.ProposalPutUnderStudy;
import fr.gasp.events.proposal.ProposalRaised;
import fr.gasp.events.proposal.ProposalRejected;
import fr.gasp.events.proposal.ProposalSubmitted;
import fr.gasp.events.proposal.ProposalValidated;
import fr.gasp.query.common.ReadModelRebuilder;
import fr.gasp.query.common.RebuiltRows;
import fr.gasp.query.common.RebuiltTable;
import fr.gasp.query.common.ReplayedEvent;
import org.springframework.stereotype.Component;

import java.util.List;

/** {@link MeetingProposalProjector}'s table, rebuilt: one row per proposal step taken at a meeting. */
@Component
public class MeetingProposalRebuild implements ReadModelRebuilder {

    private static final RebuiltTable MEETING_PROPOSAL = RebuiltTable.of("meeting_proposal", "proposal_id",
            "proposal_version", "meeting_id", "step", "outcome", "occurred_on");

    @Override
    public List<RebuiltTable> tables() {
        return List.of(MEETING_PROPOSAL);
    }

    @Override
    public void begin() {
    }

    @Override
    public void apply(ReplayedEvent replayed, RebuiltRows rows) {
        if (!(replayed.payload() instanceof ProposalEvent event) || event.meetingId() == null) {
            return;
        }
        MeetingStep step = null;
        String outcome = null;
        if (event instanceof ProposalRaised) {
            step = MeetingStep.RAISED;
        } else if (event instanceof ProposalDiscussed) {
            step = MeetingStep.DISCUSSED;
        } else if (event instanceof ProposalSubmitted) {
            step = MeetingStep.SUBMITTED;
        } else if (event instanceof ProposalValidated) {
            step = MeetingStep.DECIDED;
            outcome = "VALIDATED";
        } else if (event instanceof ProposalRejected) {
            step = MeetingStep.DECIDED;
            outcome = "REJECTED";
        } else if (event instanceof ProposalPutUnderStudy) {
            step = MeetingStep.DECIDED;
            outcome = "UNDER_STUDY";
        } else if (event instanceof ProposalPresented) {
            step = MeetingStep.PRESENTED;
        }
        if (step != null) {
            rows.add(MEETING_PROPOSAL, event.proposalId(), replayed.sequenceNumber(), event.meetingId(), step.name(),
                    outcome, event.occurredOn());
        }
    }

    @Override
    public void finish(RebuiltRows rows) {
    }
}
