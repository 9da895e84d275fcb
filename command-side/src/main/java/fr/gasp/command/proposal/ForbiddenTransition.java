package fr.gasp.command.proposal;

import fr.gasp.events.proposal.ProposalAction;
import fr.gasp.events.proposal.ProposalStatus;

import java.util.Set;

/** An action the proposal's current status does not allow: answered 409 with the allowed actions. */
public class ForbiddenTransition extends RuntimeException {

    private final ProposalStatus currentStatus;
    private final ProposalAction attempted;

    public ForbiddenTransition(ProposalStatus currentStatus, ProposalAction attempted) {
        super("Action " + attempted + " impossible : la proposition est au statut " + currentStatus
                + (currentStatus.isFinal() ? ", qui est définitif."
                : " ; actions possibles : " + currentStatus.allowedActions() + "."));
        this.currentStatus = currentStatus;
        this.attempted = attempted;
    }

    public ProposalStatus currentStatus() {
        return currentStatus;
    }

    public ProposalAction attempted() {
        return attempted;
    }

    public Set<ProposalAction> allowedActions() {
        return currentStatus.allowedActions();
    }
}
