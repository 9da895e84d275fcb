package fr.gasp.system;

import java.util.Random;
import java.util.Set;

/**
 * One lifecycle command on a proposal as a client sends it (who, where, what body), with the
 * event types it may record if accepted: enough to find an acknowledged command in the store.
 * The bodies carry no business date, so the step is dated today, never before the previous one.
 */
record ProposalCommand(String proposalId, String user, String action, String body, Set<String> eventTypes) {

    private static final String EVENTS = "fr.gasp.events.proposal.";

    String path() {
        return proposalId == null ? "/api/proposals" : "/api/proposals/" + proposalId + "/" + action;
    }

    /**
     * A command drawn at random among those of the lifecycle, the ones that end a proposal's
     * life (rejection, completion, withdrawal) seldom and validation not often, so the
     * proposals stay a while where most steps are allowed and clients compete for them.
     */
    static ProposalCommand random(Random random, String proposalId, Organisation gasp) {
        int draw = random.nextInt(100);
        String tag = Integer.toString(random.nextInt(1_000_000));
        if (draw < 30) {
            String group = random.nextBoolean() ? gasp.agentsGroupId() : gasp.usersGroupId();
            return new ProposalCommand(proposalId, "secretariat", "discussions",
                    "{\"groupId\":\"" + group + "\",\"summary\":\"Échange " + tag + "\"}", Set.of(EVENTS + "ProposalDiscussed"));
        }
        if (draw < 40) {
            return new ProposalCommand(proposalId, "secretariat", "amendments",
                    "{\"title\":\"Titre " + tag + "\",\"themes\":[\"accueil\",\"thème " + tag + "\"]}",
                    Set.of(EVENTS + "ProposalAmended"));
        }
        if (draw < 55) {
            return new ProposalCommand(proposalId, "secretariat", "submission", "{\"note\":\"Note " + tag + "\"}",
                    Set.of(EVENTS + "ProposalSubmitted"));
        }
        if (draw < 70) {
            int outcome = random.nextInt(40);
            if (outcome < 10) {
                return new ProposalCommand(proposalId, "referent", "decision", "{\"outcome\":\"VALIDATED\"}",
                        Set.of(EVENTS + "ProposalValidated"));
            }
            if (outcome < 39) {
                return new ProposalCommand(proposalId, "referent", "decision",
                        "{\"outcome\":\"UNDER_STUDY\",\"rationale\":\"À chiffrer " + tag + "\"}",
                        Set.of(EVENTS + "ProposalPutUnderStudy"));
            }
            return new ProposalCommand(proposalId, "referent", "decision",
                    "{\"outcome\":\"REJECTED\",\"rationale\":\"Hors compétence " + tag + "\"}",
                    Set.of(EVENTS + "ProposalRejected"));
        }
        if (draw < 80) {
            return new ProposalCommand(proposalId, "secretariat", "implementation", "{\"owner\":\"Service " + tag + "\"}",
                    Set.of(EVENTS + "ImplementationStarted"));
        }
        if (draw < 98) {
            return new ProposalCommand(proposalId, "secretariat", "implementation/progress",
                    "{\"percent\":" + random.nextInt(100) + ",\"note\":\"Point " + tag + "\"}",
                    Set.of(EVENTS + "ImplementationProgressed"));
        }
        if (draw < 99) {
            return new ProposalCommand(proposalId, "secretariat", "implementation/completion",
                    "{\"outcome\":\"Fait " + tag + "\"}", Set.of(EVENTS + "ImplementationCompleted"));
        }
        return new ProposalCommand(proposalId, "secretariat", "withdrawal", "{\"reason\":\"Retrait " + tag + "\"}",
                Set.of(EVENTS + "ProposalWithdrawn"));
    }

    /** Raising a proposal in the organisation's agents group: no id yet, answered 201 with version 0. */
    static ProposalCommand raise(Organisation gasp, String title) {
        return new ProposalCommand(null, "secretariat", "raise", "{\"raisedByGroupId\":\"" + gasp.agentsGroupId()
                + "\",\"title\":\"" + title + "\",\"description\":\"Description de " + title
                + "\",\"themes\":[\"accueil\"]}", Set.of(EVENTS + "ProposalRaised"));
    }
}
