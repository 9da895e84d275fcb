package fr.gasp.query.proposal;

import fr.gasp.events.proposal.ImplementationCompleted;
import fr.gasp.events.proposal.ImplementationProgressed;
import fr.gasp.events.proposal.ImplementationStarted;
import fr.gasp.events.proposal.ProposalAmended;
import fr.gasp.events.proposal.ProposalDiscussed;
import fr.gasp.events.proposal.ProposalEvent;
import fr.gasp.events.proposal.ProposalPresented;
import fr.gasp.events.proposal.ProposalPutUnderStudy;
import fr.gasp.events.proposal.ProposalRaised;
import fr.gasp.events.proposal.ProposalRejected;
import fr.gasp.events.proposal.ProposalStatus;
import fr.gasp.events.proposal.ProposalSubmitted;
import fr.gasp.events.proposal.ProposalValidated;
import fr.gasp.events.proposal.ProposalWithdrawn;
import fr.gasp.query.common.MultiRowInsert;
import fr.gasp.query.common.ReadModel;
import fr.gasp.query.common.ProjectionWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A proposal's current state: one row per proposal, its themes, discussions, decisions and
 * presentations at joint meetings.
 * The status comes from {@link ProposalStatus#after}, the lifecycle's own table.
 */
@Component
@ProcessingGroup(ReadModel.PROCESSING_GROUP)
public class ProposalProjector {

    private final ProjectionWrites writes;

    public ProposalProjector(ProjectionWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(ProposalRaised event, @SequenceNumber long version) {
        writes.execute("""
                        INSERT INTO proposal_view (proposal_id, gasp_id, raised_by_group_id, raised_meeting_id, title,
                            description, status, raised_on, last_occurred_on, version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                event.proposalId(), event.gaspId(), event.raisedByGroupId(), event.meetingId(), event.title(),
                event.description(), ProposalStatus.after(null, event).name(), event.occurredOn(), event.occurredOn(),
                version);
        insertThemes(event.proposalId(), event.themes());
    }

    @EventHandler
    void on(ProposalDiscussed event, @SequenceNumber long version) {
        advance(event, version);
        writes.execute("""
                        INSERT INTO proposal_discussion (proposal_id, version, group_id, meeting_id, summary, occurred_on)
                        VALUES (?, ?, ?, ?, ?, ?)""",
                event.proposalId(), version, event.groupId(), event.meetingId(), event.summary(), event.occurredOn());
    }

    @EventHandler
    void on(ProposalAmended event, @SequenceNumber long version) {
        advance(event, version);
        if (event.title() != null) {
            set(event.proposalId(), "title", event.title());
        }
        if (event.description() != null) {
            set(event.proposalId(), "description", event.description());
        }
        if (event.themes() != null) {
            replaceThemes(event.proposalId(), event.themes());
        }
    }

    @EventHandler
    void on(ProposalSubmitted event, @SequenceNumber long version) {
        advance(event, version);
        set(event.proposalId(), "submitted_on", event.occurredOn());
    }

    @EventHandler
    void on(ProposalValidated event, @SequenceNumber long version, MetaData metaData) {
        advance(event, version);
        recordDecision(event, version, "VALIDATED", event.rationale(), metaData);
    }

    @EventHandler
    void on(ProposalRejected event, @SequenceNumber long version, MetaData metaData) {
        advance(event, version);
        recordDecision(event, version, "REJECTED", event.rationale(), metaData);
    }

    @EventHandler
    void on(ProposalPutUnderStudy event, @SequenceNumber long version, MetaData metaData) {
        advance(event, version);
        recordDecision(event, version, "UNDER_STUDY", event.rationale(), metaData);
    }

    @EventHandler
    void on(ImplementationStarted event, @SequenceNumber long version) {
        advance(event, version);
        writes.execute("""
                        UPDATE proposal_view SET implementation_owner = ?, implementation_target_date = ?,
                            implementation_started_on = ?, implementation_percent = 0
                        WHERE proposal_id = ?""",
                event.owner(), event.targetDate(), event.occurredOn(), event.proposalId());
    }

    @EventHandler
    void on(ImplementationProgressed event, @SequenceNumber long version) {
        advance(event, version);
        writes.execute("UPDATE proposal_view SET implementation_percent = ?, implementation_note = ? "
                        + "WHERE proposal_id = ?",
                event.percent(), event.note(), event.proposalId());
    }

    @EventHandler
    void on(ImplementationCompleted event, @SequenceNumber long version) {
        advance(event, version);
        writes.execute("""
                        UPDATE proposal_view SET implementation_percent = 100, implementation_completed_on = ?,
                            implementation_outcome = ?
                        WHERE proposal_id = ?""",
                event.occurredOn(), event.outcome(), event.proposalId());
    }

    @EventHandler
    void on(ProposalWithdrawn event, @SequenceNumber long version) {
        advance(event, version);
        writes.execute("UPDATE proposal_view SET withdrawn_on = ?, withdrawal_reason = ? WHERE proposal_id = ?",
                event.occurredOn(), event.reason(), event.proposalId());
    }

    @EventHandler
    void on(ProposalPresented event, @SequenceNumber long version) {
        advance(event, version);
        writes.execute("INSERT INTO proposal_presentation (proposal_id, version, meeting_id, occurred_on) "
                        + "VALUES (?, ?, ?, ?)",
                event.proposalId(), version, event.meetingId(), event.occurredOn());
    }

    private void advance(ProposalEvent event, long version) {
        List<Object> parameters = new ArrayList<>(StatusAfterSql.parameters(event));
        parameters.addAll(List.of(event.occurredOn(), version, event.proposalId()));
        writes.executeOnOneRow("UPDATE proposal_view SET status = " + StatusAfterSql.over("status")
                        + ", last_occurred_on = ?, version = ? WHERE proposal_id = ?",
                parameters, "Proposal " + event.proposalId() + " has an event before being raised");
    }

    private void set(UUID proposalId, String column, Object value) {
        writes.execute("UPDATE proposal_view SET " + column + " = ? WHERE proposal_id = ?",
                value, proposalId);
    }

    private void replaceThemes(UUID proposalId, List<String> themes) {
        writes.execute("DELETE FROM proposal_theme WHERE proposal_id = ?",
                proposalId);
        insertThemes(proposalId, themes);
    }

    private void insertThemes(UUID proposalId, List<String> themes) {
        MultiRowInsert.insert(writes, "proposal_theme", List.of("proposal_id", "position", "theme"),
                MultiRowInsert.positioned(proposalId, themes));
    }

    private void recordDecision(ProposalEvent event, long version, String outcome, String rationale,
                                MetaData metaData) {
        writes.execute("""
                        INSERT INTO proposal_decision (proposal_id, version, outcome, rationale, meeting_id, decided_on,
                            decided_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""",
                event.proposalId(), version, outcome, rationale, event.meetingId(), event.occurredOn(),
                metaData.get("actor"));
    }
}
