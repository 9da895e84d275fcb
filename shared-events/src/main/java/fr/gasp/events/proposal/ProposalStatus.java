package fr.gasp.events.proposal;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import static fr.gasp.events.proposal.ProposalAction.AMEND;
import static fr.gasp.events.proposal.ProposalAction.COMPLETE;
import static fr.gasp.events.proposal.ProposalAction.DECIDE;
import static fr.gasp.events.proposal.ProposalAction.DISCUSS;
import static fr.gasp.events.proposal.ProposalAction.REPORT_PROGRESS;
import static fr.gasp.events.proposal.ProposalAction.START_IMPLEMENTATION;
import static fr.gasp.events.proposal.ProposalAction.SUBMIT;
import static fr.gasp.events.proposal.ProposalAction.WITHDRAW;

/**
 * Where a proposal stands, which actions each status allows, and which status each event
 * leads to (domain.md, "Proposal lifecycle"). The command side refuses what a status does
 * not allow; both sides derive the status from the events with {@link #after}, so the
 * lifecycle is written once.
 */
public enum ProposalStatus {
    RAISED(DISCUSS, AMEND, WITHDRAW),
    DISCUSSED(DISCUSS, AMEND, SUBMIT, WITHDRAW),
    SUBMITTED(DISCUSS, DECIDE, WITHDRAW),
    UNDER_STUDY(DISCUSS, AMEND, SUBMIT, WITHDRAW),
    VALIDATED(START_IMPLEMENTATION, COMPLETE),
    IN_IMPLEMENTATION(REPORT_PROGRESS, COMPLETE),
    REJECTED,
    IMPLEMENTED,
    WITHDRAWN;

    private final Set<ProposalAction> allowedActions;

    ProposalStatus(ProposalAction... allowedActions) {
        EnumSet<ProposalAction> actions = EnumSet.noneOf(ProposalAction.class);
        Collections.addAll(actions, allowedActions);
        this.allowedActions = Collections.unmodifiableSet(actions);
    }

    public Set<ProposalAction> allowedActions() {
        return allowedActions;
    }

    public boolean allows(ProposalAction action) {
        return allowedActions.contains(action);
    }

    /** REJECTED, IMPLEMENTED and WITHDRAWN end a proposal's life: nothing more may happen to it. */
    public boolean isFinal() {
        return allowedActions.isEmpty();
    }

    /**
     * The status a proposal has after an event, given the one it had before ({@code null}
     * before it was raised).
     */
    public static ProposalStatus after(ProposalStatus before, ProposalEvent event) {
        if (event instanceof ProposalRaised) {
            return RAISED;
        }
        if (event instanceof ProposalDiscussed) {
            // Only the first discussion moves the proposal on; later ones keep where it stands.
            return before == RAISED ? DISCUSSED : before;
        }
        if (event instanceof ProposalSubmitted) {
            return SUBMITTED;
        }
        if (event instanceof ProposalValidated) {
            return VALIDATED;
        }
        if (event instanceof ProposalRejected) {
            return REJECTED;
        }
        if (event instanceof ProposalPutUnderStudy) {
            return UNDER_STUDY;
        }
        if (event instanceof ImplementationStarted || event instanceof ImplementationProgressed) {
            return IN_IMPLEMENTATION;
        }
        if (event instanceof ImplementationCompleted) {
            return IMPLEMENTED;
        }
        if (event instanceof ProposalWithdrawn) {
            return WITHDRAWN;
        }
        return before;
    }
}
