package fr.gasp.query.report;

import java.util.List;

/** The step (event) types the figures count, as stored in {@code report_step.type}. */
final class StepTypes {

    static final String RAISED = "ProposalRaised";
    static final String DISCUSSED = "ProposalDiscussed";
    static final String SUBMITTED = "ProposalSubmitted";
    static final String VALIDATED = "ProposalValidated";
    static final String REJECTED = "ProposalRejected";
    static final String UNDER_STUDY = "ProposalPutUnderStudy";
    static final String IMPLEMENTATION_STARTED = "ImplementationStarted";
    static final String COMPLETED = "ImplementationCompleted";
    static final String WITHDRAWN = "ProposalWithdrawn";
    static final String PRESENTED = "ProposalPresented";

    /** A referents' decision: each ends a wait for them. */
    static final List<String> DECISIONS = List.of(VALIDATED, REJECTED, UNDER_STUDY);

    /** The steps the lead times and the implementation rate are measured from. */
    static final List<String> LEAD_TIME_STEPS = List.of(RAISED, VALIDATED, REJECTED, UNDER_STUDY, COMPLETED);

    private StepTypes() {
    }
}
