package fr.gasp.command.proposal;

import fr.gasp.events.proposal.ProposalRejected;
import fr.gasp.events.proposal.ProposalSubmitted;
import fr.gasp.events.proposal.ProposalValidated;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.UUID;

import static fr.gasp.command.proposal.ProposalFixtures.AGENTS_APRIL_MEETING_ID;
import static fr.gasp.command.proposal.ProposalFixtures.AGENTS_APRIL_MEETING_ON;
import static fr.gasp.command.proposal.ProposalFixtures.AGENTS_MARCH_MEETING_ID;
import static fr.gasp.command.proposal.ProposalFixtures.AGENTS_MARCH_MEETING_ON;
import static fr.gasp.command.proposal.ProposalFixtures.JOINT_MEETING_ID;
import static fr.gasp.command.proposal.ProposalFixtures.JOINT_MEETING_ON;
import static fr.gasp.command.proposal.ProposalFixtures.NOTE;
import static fr.gasp.command.proposal.ProposalFixtures.PROPOSAL_ID;
import static fr.gasp.command.proposal.ProposalFixtures.REFERENTS_JUNE_SESSION_ID;
import static fr.gasp.command.proposal.ProposalFixtures.REFERENTS_JUNE_SESSION_ON;
import static fr.gasp.command.proposal.ProposalFixtures.discussed;
import static fr.gasp.command.proposal.ProposalFixtures.forbidden;
import static fr.gasp.command.proposal.ProposalFixtures.historyReaching;
import static fr.gasp.command.proposal.ProposalFixtures.meetingOn;
import static fr.gasp.command.proposal.ProposalFixtures.proposalFixture;
import static fr.gasp.command.proposal.ProposalFixtures.putUnderStudy;
import static fr.gasp.command.proposal.ProposalFixtures.raised;
import static fr.gasp.command.proposal.ProposalFixtures.resubmitted;
import static fr.gasp.command.proposal.ProposalFixtures.submitted;
import static fr.gasp.events.proposal.ProposalAction.SUBMIT;
import static fr.gasp.events.proposal.ProposalStatus.DISCUSSED;
import static fr.gasp.events.proposal.ProposalStatus.RAISED;
import static fr.gasp.events.proposal.ProposalStatus.SUBMITTED;
import static fr.gasp.events.proposal.ProposalStatus.UNDER_STUDY;

/**
 * domain.md: "submit to referents: only from DISCUSSED or UNDER_STUDY (a proposal nobody
 * discussed does not go to the referents)"; "UNDER_STUDY may be resubmitted later; every
 * decision is kept."
 */
class ProposalSubmissionTest {

    /** A date for a submission outside any meeting. */
    private static final LocalDate ON = LocalDate.of(2002, 6, 6);

    private FixtureConfiguration<Proposal> fixture;

    @BeforeEach
    void setUp() {
        fixture = proposalFixture();
    }

    /** A submission at a meeting, on the meeting's date. */
    private static SubmitProposal submitAt(UUID meetingId, String note) {
        return new SubmitProposal(PROPOSAL_ID, meetingId, note, meetingOn(meetingId));
    }

    /** A submission outside any meeting. */
    private static SubmitProposal submit(String note) {
        return new SubmitProposal(PROPOSAL_ID, null, note, ON);
    }

    @Test
    void a_discussed_proposal_is_submitted_to_the_referents() {
        fixture.given(historyReaching(DISCUSSED))
                .when(submitAt(AGENTS_MARCH_MEETING_ID, NOTE))
                .expectEvents(new ProposalSubmitted(PROPOSAL_ID, AGENTS_MARCH_MEETING_ID, NOTE, AGENTS_MARCH_MEETING_ON))
                .expectResultMessagePayload(2L);
    }

    @Test
    void a_proposal_under_study_is_resubmitted() {
        fixture.given(historyReaching(UNDER_STUDY))
                .when(submitAt(AGENTS_APRIL_MEETING_ID, "Le devis est joint."))
                .expectEvents(new ProposalSubmitted(PROPOSAL_ID, AGENTS_APRIL_MEETING_ID, "Le devis est joint.",
                        AGENTS_APRIL_MEETING_ON))
                .expectResultMessagePayload(4L);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\n"})
    void the_note_is_optional(String note) {
        fixture.given(historyReaching(DISCUSSED))
                .when(submit(note))
                .expectEvents(new ProposalSubmitted(PROPOSAL_ID, null, null, ON));
    }

    @Test
    void the_note_is_recorded_without_surrounding_blanks() {
        fixture.given(historyReaching(DISCUSSED))
                .when(submitAt(JOINT_MEETING_ID, "  " + NOTE + "\n"))
                .expectEvents(new ProposalSubmitted(PROPOSAL_ID, JOINT_MEETING_ID, NOTE, JOINT_MEETING_ON));
    }

    @Test
    void a_proposal_nobody_discussed_does_not_go_to_the_referents() {
        fixture.given(historyReaching(RAISED))
                .when(submitAt(AGENTS_MARCH_MEETING_ID, NOTE))
                .expectException(forbidden(RAISED, SUBMIT))
                .expectNoEvents();
    }

    @Test
    void a_submitted_proposal_is_not_submitted_twice() {
        fixture.given(historyReaching(SUBMITTED))
                .when(submitAt(AGENTS_APRIL_MEETING_ID, NOTE))
                .expectException(forbidden(SUBMITTED, SUBMIT))
                .expectNoEvents();
    }

    @Test
    void a_resubmitted_proposal_is_decided_again_after_its_study() {
        fixture.given(raised(), discussed(), submitted(), putUnderStudy(), resubmitted())
                .when(new DecideOnProposal(PROPOSAL_ID, DecisionOutcome.VALIDATED, null, REFERENTS_JUNE_SESSION_ID,
                        REFERENTS_JUNE_SESSION_ON))
                .expectEvents(new ProposalValidated(PROPOSAL_ID, REFERENTS_JUNE_SESSION_ID, null,
                        REFERENTS_JUNE_SESSION_ON))
                .expectResultMessagePayload(5L);
    }

    @Test
    void a_proposal_may_be_studied_more_than_once_before_its_decision() {
        fixture.given(historyReaching(UNDER_STUDY))
                .andGivenCommands(submit(null),
                        new DecideOnProposal(PROPOSAL_ID, DecisionOutcome.UNDER_STUDY, "Encore un devis.", null, ON),
                        submit(null))
                .when(new DecideOnProposal(PROPOSAL_ID, DecisionOutcome.REJECTED, "Trop coûteux.", null, ON))
                .expectEvents(new ProposalRejected(PROPOSAL_ID, null, "Trop coûteux.", ON))
                .expectResultMessagePayload(7L);
    }

    @Test
    void a_proposal_may_be_studied_more_than_once_at_the_referents_sessions_and_the_joint_meeting() {
        fixture.given(historyReaching(UNDER_STUDY))
                .andGivenCommands(submitAt(AGENTS_APRIL_MEETING_ID, null),
                        new DecideOnProposal(PROPOSAL_ID, DecisionOutcome.UNDER_STUDY, "Encore un devis.",
                                REFERENTS_JUNE_SESSION_ID, null),
                        submitAt(JOINT_MEETING_ID, null))
                .when(new DecideOnProposal(PROPOSAL_ID, DecisionOutcome.REJECTED, "Trop coûteux.",
                        JOINT_MEETING_ID, null))
                .expectEvents(new ProposalRejected(PROPOSAL_ID, JOINT_MEETING_ID, "Trop coûteux.", JOINT_MEETING_ON))
                .expectResultMessagePayload(7L);
    }
}
