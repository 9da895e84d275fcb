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
import fr.gasp.query.common.ReadModelRebuilder;
import fr.gasp.query.common.RebuiltRows;
import fr.gasp.query.common.RebuiltTable;
import fr.gasp.query.common.ReplayedEvent;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@link ProposalProjector}'s tables, rebuilt in one pass: each proposal's row is kept in memory until the end. */
@Component
public class ProposalRebuild implements ReadModelRebuilder {

    private static final RebuiltTable VIEW = RebuiltTable.of("proposal_view", "proposal_id", "gasp_id",
            "raised_by_group_id", "raised_meeting_id", "title", "description", "status", "raised_on", "submitted_on",
            "last_occurred_on", "implementation_owner", "implementation_target_date", "implementation_started_on",
            "implementation_percent", "implementation_note", "implementation_completed_on", "implementation_outcome",
            "withdrawn_on", "withdrawal_reason", "version");
    private static final RebuiltTable THEME = RebuiltTable.of("proposal_theme", "proposal_id", "position", "theme");
    private static final RebuiltTable DISCUSSION = RebuiltTable.of("proposal_discussion", "proposal_id", "version",
            "group_id", "meeting_id", "summary", "occurred_on");
    private static final RebuiltTable DECISION = RebuiltTable.of("proposal_decision", "proposal_id", "version",
            "outcome", "rationale", "meeting_id", "decided_on", "decided_by");
    private static final RebuiltTable PRESENTATION = RebuiltTable.of("proposal_presentation", "proposal_id",
            "version", "meeting_id", "occurred_on");

    private final Map<UUID, Row> proposals = new HashMap<>();

    @Override
    public List<RebuiltTable> tables() {
        return List.of(VIEW, THEME, DISCUSSION, DECISION, PRESENTATION);
    }

    @Override
    public void begin() {
        proposals.clear();
    }

    @Override
    public void apply(ReplayedEvent replayed, RebuiltRows rows) {
        if (!(replayed.payload() instanceof ProposalEvent event)) {
            return;
        }
        long version = replayed.sequenceNumber();
        if (event instanceof ProposalRaised raised) {
            proposals.put(raised.proposalId(), new Row(raised, version));
            return;
        }
        Row row = proposals.get(event.proposalId());
        if (row == null) {
            // The projector's UPDATE would fail on a proposal it never saw: so does the rebuild.
            throw new IllegalStateException("Proposal " + event.proposalId() + " has an event before being raised");
        }
        row.status = ProposalStatus.after(row.status, event);
        row.lastOccurredOn = event.occurredOn();
        row.version = version;
        if (event instanceof ProposalDiscussed discussed) {
            rows.add(DISCUSSION, discussed.proposalId(), version, discussed.groupId(), discussed.meetingId(),
                    discussed.summary(), discussed.occurredOn());
        } else if (event instanceof ProposalAmended amended) {
            if (amended.title() != null) {
                row.title = amended.title();
            }
            if (amended.description() != null) {
                row.description = amended.description();
            }
            if (amended.themes() != null) {
                row.themes = amended.themes();
            }
        } else if (event instanceof ProposalSubmitted submitted) {
            row.submittedOn = submitted.occurredOn();
        } else if (event instanceof ProposalValidated validated) {
            decision(rows, replayed, version, "VALIDATED", validated.rationale());
        } else if (event instanceof ProposalRejected rejected) {
            decision(rows, replayed, version, "REJECTED", rejected.rationale());
        } else if (event instanceof ProposalPutUnderStudy underStudy) {
            decision(rows, replayed, version, "UNDER_STUDY", underStudy.rationale());
        } else if (event instanceof ImplementationStarted started) {
            row.implementationOwner = started.owner();
            row.implementationTargetDate = started.targetDate();
            row.implementationStartedOn = started.occurredOn();
            row.implementationPercent = 0;
        } else if (event instanceof ImplementationProgressed progressed) {
            row.implementationPercent = progressed.percent();
            row.implementationNote = progressed.note();
        } else if (event instanceof ImplementationCompleted completed) {
            row.implementationPercent = 100;
            row.implementationCompletedOn = completed.occurredOn();
            row.implementationOutcome = completed.outcome();
        } else if (event instanceof ProposalWithdrawn withdrawn) {
            row.withdrawnOn = withdrawn.occurredOn();
            row.withdrawalReason = withdrawn.reason();
        } else if (event instanceof ProposalPresented presented) {
            rows.add(PRESENTATION, presented.proposalId(), version, presented.meetingId(), presented.occurredOn());
        }
    }

    private static void decision(RebuiltRows rows, ReplayedEvent replayed, long version, String outcome,
                                 String rationale) {
        ProposalEvent event = (ProposalEvent) replayed.payload();
        rows.add(DECISION, event.proposalId(), version, outcome, rationale, event.meetingId(), event.occurredOn(),
                replayed.meta("actor"));
    }

    @Override
    public void finish(RebuiltRows rows) {
        for (Row row : proposals.values()) {
            rows.add(VIEW, row.proposalId, row.gaspId, row.raisedByGroupId, row.raisedMeetingId, row.title,
                    row.description, row.status.name(), row.raisedOn, row.submittedOn, row.lastOccurredOn,
                    row.implementationOwner, row.implementationTargetDate, row.implementationStartedOn,
                    row.implementationPercent, row.implementationNote, row.implementationCompletedOn,
                    row.implementationOutcome, row.withdrawnOn, row.withdrawalReason, row.version);
            for (int position = 0; position < row.themes.size(); position++) {
                rows.add(THEME, row.proposalId, position, row.themes.get(position));
            }
        }
    }

    /** One {@code proposal_view} row and its themes, as they stand so far. */
    private static final class Row {
        final UUID proposalId;
        final UUID gaspId;
        final UUID raisedByGroupId;
        final UUID raisedMeetingId;
        final LocalDate raisedOn;
        String title;
        String description;
        List<String> themes;
        ProposalStatus status;
        LocalDate submittedOn;
        LocalDate lastOccurredOn;
        String implementationOwner;
        LocalDate implementationTargetDate;
        LocalDate implementationStartedOn;
        Integer implementationPercent;
        String implementationNote;
        LocalDate implementationCompletedOn;
        String implementationOutcome;
        LocalDate withdrawnOn;
        String withdrawalReason;
        long version;

        Row(ProposalRaised raised, long version) {
            proposalId = raised.proposalId();
            gaspId = raised.gaspId();
            raisedByGroupId = raised.raisedByGroupId();
            raisedMeetingId = raised.meetingId();
            raisedOn = raised.occurredOn();
            title = raised.title();
            description = raised.description();
            themes = raised.themes();
            status = ProposalStatus.after(null, raised);
            lastOccurredOn = raised.occurredOn();
            this.version = version;
        }
    }
}
