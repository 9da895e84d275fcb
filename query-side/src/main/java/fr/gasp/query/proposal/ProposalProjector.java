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
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient jdbc;

    public ProposalProjector(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProposalRaised event, @SequenceNumber long version) {
        jdbc.sql("""
                        INSERT INTO proposal_view (proposal_id, gasp_id, raised_by_group_id, raised_meeting_id, title,
                            description, status, raised_on, last_occurred_on, version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(event.proposalId(), event.gaspId(), event.raisedByGroupId(), event.meetingId(),
                        event.title(), event.description(), ProposalStatus.after(null, event).name(),
                        event.occurredOn(), event.occurredOn(), version)
                .update();
        insertThemes(event.proposalId(), event.themes());
    }

    @EventHandler
    void on(ProposalDiscussed event, @SequenceNumber long version) {
        advance(event, version);
        jdbc.sql("""
                        INSERT INTO proposal_discussion (proposal_id, version, group_id, meeting_id, summary, occurred_on)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(event.proposalId(), version, event.groupId(), event.meetingId(), event.summary(),
                        event.occurredOn())
                .update();
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
        jdbc.sql("""
                        UPDATE proposal_view SET implementation_owner = ?, implementation_target_date = ?,
                            implementation_started_on = ?, implementation_percent = 0
                        WHERE proposal_id = ?""")
                .params(event.owner(), event.targetDate(), event.occurredOn(), event.proposalId())
                .update();
    }

    @EventHandler
    void on(ImplementationProgressed event, @SequenceNumber long version) {
        advance(event, version);
        jdbc.sql("UPDATE proposal_view SET implementation_percent = ?, implementation_note = ? WHERE proposal_id = ?")
                .params(event.percent(), event.note(), event.proposalId())
                .update();
    }

    @EventHandler
    void on(ImplementationCompleted event, @SequenceNumber long version) {
        advance(event, version);
        jdbc.sql("""
                        UPDATE proposal_view SET implementation_percent = 100, implementation_completed_on = ?,
                            implementation_outcome = ?
                        WHERE proposal_id = ?""")
                .params(event.occurredOn(), event.outcome(), event.proposalId())
                .update();
    }

    @EventHandler
    void on(ProposalWithdrawn event, @SequenceNumber long version) {
        advance(event, version);
        jdbc.sql("UPDATE proposal_view SET withdrawn_on = ?, withdrawal_reason = ? WHERE proposal_id = ?")
                .params(event.occurredOn(), event.reason(), event.proposalId())
                .update();
    }

    @EventHandler
    void on(ProposalPresented event, @SequenceNumber long version) {
        advance(event, version);
        jdbc.sql("INSERT INTO proposal_presentation (proposal_id, version, meeting_id, occurred_on) VALUES (?, ?, ?, ?)")
                .params(event.proposalId(), version, event.meetingId(), event.occurredOn())
                .update();
    }

    private void advance(ProposalEvent event, long version) {
        List<Object> parameters = new ArrayList<>(StatusAfterSql.parameters(event));
        parameters.addAll(List.of(event.occurredOn(), version, event.proposalId()));
        int updated = jdbc.sql("UPDATE proposal_view SET status = " + StatusAfterSql.over("status")
                        + ", last_occurred_on = ?, version = ? WHERE proposal_id = ?")
                .params(parameters)
                .update();
        if (updated != 1) {
            throw new IllegalStateException("Proposal " + event.proposalId() + " has an event before being raised");
        }
    }

    private void set(UUID proposalId, String column, Object value) {
        jdbc.sql("UPDATE proposal_view SET " + column + " = ? WHERE proposal_id = ?")
                .params(value, proposalId)
                .update();
    }

    private void replaceThemes(UUID proposalId, List<String> themes) {
        jdbc.sql("DELETE FROM proposal_theme WHERE proposal_id = ?").param(proposalId).update();
        insertThemes(proposalId, themes);
    }

    private void insertThemes(UUID proposalId, List<String> themes) {
        MultiRowInsert.insert(jdbc, "proposal_theme", List.of("proposal_id", "position", "theme"),
                MultiRowInsert.positioned(proposalId, themes));
    }

    private void recordDecision(ProposalEvent event, long version, String outcome, String rationale,
                                MetaData metaData) {
        jdbc.sql("""
                        INSERT INTO proposal_decision (proposal_id, version, outcome, rationale, meeting_id, decided_on,
                            decided_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(event.proposalId(), version, outcome, rationale, event.meetingId(), event.occurredOn(),
                        metaData.get("actor"))
                .update();
    }
}
