package fr.gasp.command.proposal;

import fr.gasp.events.proposal.ProposalPutUnderStudy;
import fr.gasp.events.proposal.ProposalRejected;
import fr.gasp.events.proposal.ProposalValidated;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static fr.gasp.command.proposal.ProposalFixtures.JOINT_MEETING_ID;
import static fr.gasp.command.proposal.ProposalFixtures.JOINT_MEETING_ON;
import static fr.gasp.command.proposal.ProposalFixtures.PROPOSAL_ID;
import static fr.gasp.command.proposal.ProposalFixtures.RATIONALE;
import static fr.gasp.command.proposal.ProposalFixtures.REFERENTS_SESSION_ID;
import static fr.gasp.command.proposal.ProposalFixtures.REFERENTS_SESSION_ON;
import static fr.gasp.command.proposal.ProposalFixtures.forbidden;
import static fr.gasp.command.proposal.ProposalFixtures.historyReaching;
import static fr.gasp.command.proposal.ProposalFixtures.invalidInput;
import static fr.gasp.command.proposal.ProposalFixtures.proposalFixture;
import static fr.gasp.events.proposal.ProposalAction.DECIDE;
import static fr.gasp.events.proposal.ProposalStatus.DISCUSSED;
import static fr.gasp.events.proposal.ProposalStatus.RAISED;
import static fr.gasp.events.proposal.ProposalStatus.REJECTED;
import static fr.gasp.events.proposal.ProposalStatus.SUBMITTED;
import static fr.gasp.events.proposal.ProposalStatus.UNDER_STUDY;
import static fr.gasp.events.proposal.ProposalStatus.VALIDATED;

/**
 * domain.md: "decide: only from SUBMITTED, by referents, at a referents' session or joint
 * meeting: VALIDATED, REJECTED or UNDER_STUDY. A rationale is required for REJECTED and
 * UNDER_STUDY."
 */
class ProposalDecisionTest {

    /** The referents' April session, where the submitted proposal is decided. */
    private static final LocalDate ON = REFERENTS_SESSION_ON;
    private static final String WHY_NOT = "Relève du bailleur, pas de la commune.";
    private static final String WHAT_TO_STUDY = "Chiffrer le poste de médiateur.";

    private FixtureConfiguration<Proposal> fixture;

    @BeforeEach
    void setUp() {
        fixture = proposalFixture();
    }

    private static DecideOnProposal decide(DecisionOutcome outcome, String rationale) {
        return new DecideOnProposal(PROPOSAL_ID, outcome, rationale, REFERENTS_SESSION_ID, ON);
    }

    @Test
    void referents_validate_a_submitted_proposal_giving_their_reasons() {
        fixture.given(historyReaching(SUBMITTED))
                .when(decide(DecisionOutcome.VALIDATED, RATIONALE))
                .expectEvents(new ProposalValidated(PROPOSAL_ID, REFERENTS_SESSION_ID, RATIONALE, ON))
                .expectResultMessagePayload(3L);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\n"})
    void referents_validate_a_submitted_proposal_without_a_rationale(String rationale) {
        fixture.given(historyReaching(SUBMITTED))
                .when(decide(DecisionOutcome.VALIDATED, rationale))
                .expectEvents(new ProposalValidated(PROPOSAL_ID, REFERENTS_SESSION_ID, null, ON))
                .expectResultMessagePayload(3L);
    }

    @Test
    void referents_validate_at_the_joint_meeting() {
        fixture.given(historyReaching(SUBMITTED))
                .when(new DecideOnProposal(PROPOSAL_ID, DecisionOutcome.VALIDATED, null, JOINT_MEETING_ID,
                        JOINT_MEETING_ON))
                .expectEvents(new ProposalValidated(PROPOSAL_ID, JOINT_MEETING_ID, null, JOINT_MEETING_ON));
    }

    @Test
    void referents_reject_a_submitted_proposal_saying_why() {
        fixture.given(historyReaching(SUBMITTED))
                .when(decide(DecisionOutcome.REJECTED, "  " + WHY_NOT + " "))
                .expectEvents(new ProposalRejected(PROPOSAL_ID, REFERENTS_SESSION_ID, WHY_NOT, ON))
                .expectResultMessagePayload(3L);
    }

    @Test
    void referents_put_a_submitted_proposal_under_study_saying_what_to_study() {
        fixture.given(historyReaching(SUBMITTED))
                .when(decide(DecisionOutcome.UNDER_STUDY, WHAT_TO_STUDY))
                .expectEvents(new ProposalPutUnderStudy(PROPOSAL_ID, REFERENTS_SESSION_ID, WHAT_TO_STUDY, ON))
                .expectResultMessagePayload(3L);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void a_rejection_needs_a_rationale(String rationale) {
        fixture.given(historyReaching(SUBMITTED))
                .when(decide(DecisionOutcome.REJECTED, rationale))
                .expectException(invalidInput("rationale"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void putting_a_proposal_under_study_needs_a_rationale(String rationale) {
        fixture.given(historyReaching(SUBMITTED))
                .when(decide(DecisionOutcome.UNDER_STUDY, rationale))
                .expectException(invalidInput("rationale"))
                .expectNoEvents();
    }

    @Test
    void a_decision_needs_an_outcome() {
        fixture.given(historyReaching(SUBMITTED))
                .when(decide(null, RATIONALE))
                .expectException(invalidInput("outcome"))
                .expectNoEvents();
    }

    @Test
    void referents_cannot_decide_an_undiscussed_proposal() {
        fixture.given(historyReaching(RAISED))
                .when(decide(DecisionOutcome.VALIDATED, RATIONALE))
                .expectException(forbidden(RAISED, DECIDE))
                .expectNoEvents();
    }

    @Test
    void referents_cannot_decide_a_proposal_that_was_not_submitted_to_them() {
        fixture.given(historyReaching(DISCUSSED))
                .when(decide(DecisionOutcome.VALIDATED, RATIONALE))
                .expectException(forbidden(DISCUSSED, DECIDE))
                .expectNoEvents();
    }

    @Test
    void a_proposal_under_study_is_not_decided_before_it_is_resubmitted() {
        fixture.given(historyReaching(UNDER_STUDY))
                .when(decide(DecisionOutcome.VALIDATED, RATIONALE))
                .expectException(forbidden(UNDER_STUDY, DECIDE))
                .expectNoEvents();
    }

    @Test
    void a_validated_proposal_is_not_decided_again() {
        fixture.given(historyReaching(VALIDATED))
                .when(decide(DecisionOutcome.REJECTED, WHY_NOT))
                .expectException(forbidden(VALIDATED, DECIDE))
                .expectNoEvents();
    }

    @Test
    void a_rejection_is_final() {
        fixture.given(historyReaching(REJECTED))
                .when(decide(DecisionOutcome.VALIDATED, RATIONALE))
                .expectException(forbidden(REJECTED, DECIDE))
                .expectNoEvents();
    }
}
