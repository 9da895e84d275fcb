package fr.gasp.query.report;

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

    private StepTypes() {
    }
}
