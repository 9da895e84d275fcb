package fr.gasp.query.meeting;

import fr.gasp.events.proposal.ProposalDiscussed;
import fr.gasp.events.proposal.ProposalEvent;
import fr.gasp.events.proposal.ProposalPresented;
import fr.gasp.events.proposal.ProposalPutUnderStudy;
import fr.gasp.events.proposal.ProposalRaised;
import fr.gasp.events.proposal.ProposalRejected;
import fr.gasp.events.proposal.ProposalSubmitted;
import fr.gasp.events.proposal.ProposalValidated;
import fr.gasp.query.common.ReadModel;
import fr.gasp.query.common.ProjectionWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * The proposals each meeting dealt with, from the proposals' own events: a step outside any
 * meeting leaves no row. Titles are not copied: they are read from the proposal when shown,
 * so an amendment is reflected everywhere.
 */
@Component
@ProcessingGroup(ReadModel.PROCESSING_GROUP)
public class MeetingProposalProjector {

    private final ProjectionWrites writes;

    public MeetingProposalProjector(ProjectionWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(ProposalRaised event, @SequenceNumber long version) {
        link(event, version, MeetingStep.RAISED, null);
    }

    @EventHandler
    void on(ProposalDiscussed event, @SequenceNumber long version) {
        link(event, version, MeetingStep.DISCUSSED, null);
    }

    @EventHandler
    void on(ProposalSubmitted event, @SequenceNumber long version) {
        link(event, version, MeetingStep.SUBMITTED, null);
    }

    @EventHandler
    void on(ProposalValidated event, @SequenceNumber long version) {
        link(event, version, MeetingStep.DECIDED, "VALIDATED");
    }

    @EventHandler
    void on(ProposalRejected event, @SequenceNumber long version) {
        link(event, version, MeetingStep.DECIDED, "REJECTED");
    }

    @EventHandler
    void on(ProposalPutUnderStudy event, @SequenceNumber long version) {
        link(event, version, MeetingStep.DECIDED, "UNDER_STUDY");
    }

    @EventHandler
    void on(ProposalPresented event, @SequenceNumber long version) {
        link(event, version, MeetingStep.PRESENTED, null);
    }

    private void link(ProposalEvent event, long version, MeetingStep step, String outcome) {
        if (event.meetingId() == null) {
            return;
        }
        writes.execute("""
                        INSERT INTO meeting_proposal (proposal_id, proposal_version, meeting_id, step, outcome,
                            occurred_on)
                        VALUES (?, ?, ?, ?, ?, ?)""",
                event.proposalId(), version, event.meetingId(), step.name(), outcome, event.occurredOn());
    }
}
