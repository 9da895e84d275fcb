package fr.gasp.command.proposal;

import fr.gasp.events.proposal.ProposalDiscussed;
import fr.gasp.events.proposal.ProposalPutUnderStudy;
import fr.gasp.events.proposal.ProposalRaised;
import fr.gasp.events.proposal.ProposalSubmitted;
import fr.gasp.events.proposal.ProposalValidated;
import fr.gasp.platform.problem.NotFoundException;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.UUID;
import java.util.stream.Stream;

import static fr.gasp.command.proposal.ProposalFixtures.AGENTS_APRIL_MEETING_ID;
import static fr.gasp.command.proposal.ProposalFixtures.AGENTS_ID;
import static fr.gasp.command.proposal.ProposalFixtures.AGENTS_MARCH_MEETING_ID;
import static fr.gasp.command.proposal.ProposalFixtures.AGENTS_MEETING_ID;
import static fr.gasp.command.proposal.ProposalFixtures.AGENTS_MEETING_ON;
import static fr.gasp.command.proposal.ProposalFixtures.DESCRIPTION;
import static fr.gasp.command.proposal.ProposalFixtures.GASP_ID;
import static fr.gasp.command.proposal.ProposalFixtures.JOINT_MEETING_ID;
import static fr.gasp.command.proposal.ProposalFixtures.JOINT_MEETING_ON;
import static fr.gasp.command.proposal.ProposalFixtures.NOTE;
import static fr.gasp.command.proposal.ProposalFixtures.OTHER_GASP_AGENTS_MEETING_ID;
import static fr.gasp.command.proposal.ProposalFixtures.OTHER_GASP_JOINT_MEETING_ID;
import static fr.gasp.command.proposal.ProposalFixtures.PROPOSAL_ID;
import static fr.gasp.command.proposal.ProposalFixtures.RATIONALE;
import static fr.gasp.command.proposal.ProposalFixtures.REFERENTS_ID;
import static fr.gasp.command.proposal.ProposalFixtures.REFERENTS_JUNE_SESSION_ID;
import static fr.gasp.command.proposal.ProposalFixtures.REFERENTS_SESSION_ID;
import static fr.gasp.command.proposal.ProposalFixtures.REFERENTS_SESSION_ON;
import static fr.gasp.command.proposal.ProposalFixtures.SUMMARY;
import static fr.gasp.command.proposal.ProposalFixtures.THEMES;
import static fr.gasp.command.proposal.ProposalFixtures.TITLE;
import static fr.gasp.command.proposal.ProposalFixtures.UNKNOWN_MEETING_ID;
import static fr.gasp.command.proposal.ProposalFixtures.USERS_ID;
import static fr.gasp.command.proposal.ProposalFixtures.USERS_MAY_MEETING_ID;
import static fr.gasp.command.proposal.ProposalFixtures.USERS_MEETING_ID;
import static fr.gasp.command.proposal.ProposalFixtures.USERS_MEETING_ON;
import static fr.gasp.command.proposal.ProposalFixtures.discussed;
import static fr.gasp.command.proposal.ProposalFixtures.historyReaching;
import static fr.gasp.command.proposal.ProposalFixtures.invalidInput;
import static fr.gasp.command.proposal.ProposalFixtures.meetingOn;
import static fr.gasp.command.proposal.ProposalFixtures.proposalFixture;
import static fr.gasp.command.proposal.ProposalFixtures.putUnderStudy;
import static fr.gasp.command.proposal.ProposalFixtures.raised;
import static fr.gasp.command.proposal.ProposalFixtures.resubmitted;
import static fr.gasp.command.proposal.ProposalFixtures.submitted;
import static fr.gasp.events.proposal.ProposalStatus.DISCUSSED;
import static fr.gasp.events.proposal.ProposalStatus.RAISED;
import static fr.gasp.events.proposal.ProposalStatus.SUBMITTED;
import static org.hamcrest.Matchers.containsString;

/**
 * domain.md: a step said to happen at a meeting must be at a meeting of the proposal's GASP
 * that fits it — raised "at one of its meetings" by the raising group; a discussion "at a
 * meeting of the discussing group (or a joint one)"; a decision "at a referents' session or a
 * joint meeting"; a submission at any meeting. "Every command carries the business date it
 * happened (occurredOn, the meeting's date when given)": a step at a meeting takes its date,
 * a different date is refused, and it may not precede the proposal's previous step.
 */
class ProposalMeetingRulesTest {

    private FixtureConfiguration<Proposal> fixture;

    @BeforeEach
    void setUp() {
        fixture = proposalFixture();
    }

    @Nested
    class Raising {

        private RaiseProposal raiseAt(UUID groupId, UUID meetingId) {
            return new RaiseProposal(PROPOSAL_ID, groupId, meetingId, TITLE, DESCRIPTION, THEMES, null);
        }

        @Test
        void a_proposal_raised_at_a_meeting_of_the_raising_group_is_dated_by_the_meeting() {
            fixture.givenNoPriorActivity()
                    .when(raiseAt(AGENTS_ID, AGENTS_MEETING_ID))
                    .expectEvents(new ProposalRaised(PROPOSAL_ID, GASP_ID, AGENTS_ID, AGENTS_MEETING_ID, TITLE,
                            DESCRIPTION, THEMES, AGENTS_MEETING_ON))
                    .expectResultMessagePayload(0L);
        }

        @Test
        void the_users_raise_a_proposal_at_their_own_meeting_on_its_date() {
            fixture.givenNoPriorActivity()
                    .when(raiseAt(USERS_ID, USERS_MEETING_ID))
                    .expectEvents(new ProposalRaised(PROPOSAL_ID, GASP_ID, USERS_ID, USERS_MEETING_ID, TITLE,
                            DESCRIPTION, THEMES, USERS_MEETING_ON));
        }

        @Test
        void a_proposal_raised_at_a_meeting_on_the_meeting_date_is_accepted() {
            fixture.givenNoPriorActivity()
                    .when(new RaiseProposal(PROPOSAL_ID, AGENTS_ID, AGENTS_MEETING_ID, TITLE, DESCRIPTION, THEMES,
                            AGENTS_MEETING_ON))
                    .expectEvents(raised());
        }

        @Test
        void a_group_cannot_raise_a_proposal_at_another_group_s_meeting() {
            fixture.givenNoPriorActivity()
                    .when(raiseAt(AGENTS_ID, USERS_MEETING_ID))
                    .expectException(invalidInput("meetingId"))
                    .expectNoEvents();
        }

        @Test
        void a_group_cannot_raise_a_proposal_at_a_referents_session() {
            fixture.givenNoPriorActivity()
                    .when(raiseAt(USERS_ID, REFERENTS_SESSION_ID))
                    .expectException(invalidInput("meetingId"))
                    .expectNoEvents();
        }

        @Test
        void a_proposal_cannot_be_raised_at_an_unknown_meeting() {
            fixture.givenNoPriorActivity()
                    .when(raiseAt(AGENTS_ID, UNKNOWN_MEETING_ID))
                    .expectException(NotFoundException.class)
                    .expectExceptionMessage(containsString(UNKNOWN_MEETING_ID.toString()))
                    .expectNoEvents();
        }

        @Test
        void a_proposal_cannot_be_raised_at_a_meeting_of_another_gasp() {
            fixture.givenNoPriorActivity()
                    .when(raiseAt(AGENTS_ID, OTHER_GASP_AGENTS_MEETING_ID))
                    .expectException(invalidInput("meetingId"))
                    .expectNoEvents();
        }

        @Test
        void a_proposal_raised_at_a_meeting_cannot_be_dated_otherwise() {
            fixture.givenNoPriorActivity()
                    .when(new RaiseProposal(PROPOSAL_ID, AGENTS_ID, AGENTS_MEETING_ID, TITLE, DESCRIPTION, THEMES,
                            AGENTS_MEETING_ON.plusDays(1)))
                    .expectException(invalidInput("occurredOn"))
                    .expectExceptionMessage(containsString(AGENTS_MEETING_ON.toString()))
                    .expectNoEvents();
        }
    }

    @Nested
    class Discussion {

        private DiscussProposal discussAt(UUID groupId, UUID meetingId) {
            return new DiscussProposal(PROPOSAL_ID, groupId, meetingId, SUMMARY, null);
        }

        @Test
        void a_group_discusses_a_proposal_at_its_own_meeting_on_the_meeting_date() {
            fixture.given(raised())
                    .when(discussAt(USERS_ID, USERS_MEETING_ID))
                    .expectEvents(new ProposalDiscussed(PROPOSAL_ID, USERS_ID, USERS_MEETING_ID, SUMMARY,
                            USERS_MEETING_ON))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void the_referents_discuss_a_proposal_at_their_session() {
            fixture.given(historyReaching(SUBMITTED))
                    .when(discussAt(REFERENTS_ID, REFERENTS_SESSION_ID))
                    .expectEvents(new ProposalDiscussed(PROPOSAL_ID, REFERENTS_ID, REFERENTS_SESSION_ID, SUMMARY,
                            REFERENTS_SESSION_ON));
        }

        @ParameterizedTest
        @MethodSource("fr.gasp.command.proposal.ProposalMeetingRulesTest#groupsOfTheGasp")
        void every_group_of_the_gasp_discusses_a_proposal_at_the_joint_meeting(UUID groupId) {
            fixture.given(historyReaching(SUBMITTED))
                    .when(discussAt(groupId, JOINT_MEETING_ID))
                    .expectEvents(new ProposalDiscussed(PROPOSAL_ID, groupId, JOINT_MEETING_ID, SUMMARY,
                            JOINT_MEETING_ON));
        }

        @Test
        void a_group_cannot_discuss_a_proposal_at_another_group_s_meeting() {
            fixture.given(raised())
                    .when(discussAt(USERS_ID, AGENTS_MARCH_MEETING_ID))
                    .expectException(invalidInput("meetingId"))
                    .expectNoEvents();
        }

        @Test
        void a_group_cannot_discuss_a_proposal_at_the_referents_session() {
            fixture.given(historyReaching(SUBMITTED))
                    .when(discussAt(AGENTS_ID, REFERENTS_SESSION_ID))
                    .expectException(invalidInput("meetingId"))
                    .expectNoEvents();
        }

        @Test
        void the_referents_cannot_discuss_a_proposal_at_a_group_meeting() {
            fixture.given(historyReaching(SUBMITTED))
                    .when(discussAt(REFERENTS_ID, USERS_MAY_MEETING_ID))
                    .expectException(invalidInput("meetingId"))
                    .expectNoEvents();
        }

        @Test
        void a_proposal_cannot_be_discussed_at_an_unknown_meeting() {
            fixture.given(raised())
                    .when(discussAt(USERS_ID, UNKNOWN_MEETING_ID))
                    .expectException(NotFoundException.class)
                    .expectNoEvents();
        }

        @Test
        void a_proposal_cannot_be_discussed_at_the_joint_meeting_of_another_gasp() {
            fixture.given(raised())
                    .when(discussAt(USERS_ID, OTHER_GASP_JOINT_MEETING_ID))
                    .expectException(invalidInput("meetingId"))
                    .expectNoEvents();
        }

        @Test
        void a_discussion_at_a_meeting_cannot_be_dated_otherwise() {
            fixture.given(raised())
                    .when(new DiscussProposal(PROPOSAL_ID, USERS_ID, USERS_MEETING_ID, SUMMARY,
                            USERS_MEETING_ON.minusDays(1)))
                    .expectException(invalidInput("occurredOn"))
                    .expectNoEvents();
        }

        @Test
        void a_discussion_at_a_meeting_held_before_the_previous_step_is_refused() {
            fixture.given(historyReaching(DISCUSSED))
                    .when(discussAt(AGENTS_ID, AGENTS_MEETING_ID))
                    .expectException(invalidInput("occurredOn"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Submission {

        private SubmitProposal submitAt(UUID meetingId) {
            return new SubmitProposal(PROPOSAL_ID, meetingId, NOTE, null);
        }

        @ParameterizedTest
        @MethodSource("fr.gasp.command.proposal.ProposalMeetingRulesTest#meetingsAfterTheFirstDiscussion")
        void a_proposal_is_submitted_at_any_meeting_of_its_gasp_on_the_meeting_date(UUID meetingId) {
            fixture.given(historyReaching(DISCUSSED))
                    .when(submitAt(meetingId))
                    .expectEvents(new ProposalSubmitted(PROPOSAL_ID, meetingId, NOTE, meetingOn(meetingId)))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void a_proposal_cannot_be_submitted_at_a_meeting_of_another_gasp() {
            fixture.given(historyReaching(DISCUSSED))
                    .when(submitAt(OTHER_GASP_AGENTS_MEETING_ID))
                    .expectException(invalidInput("meetingId"))
                    .expectNoEvents();
        }

        @Test
        void a_proposal_cannot_be_submitted_at_an_unknown_meeting() {
            fixture.given(historyReaching(DISCUSSED))
                    .when(submitAt(UNKNOWN_MEETING_ID))
                    .expectException(NotFoundException.class)
                    .expectNoEvents();
        }

        @Test
        void a_submission_at_a_meeting_cannot_be_dated_otherwise() {
            fixture.given(historyReaching(DISCUSSED))
                    .when(new SubmitProposal(PROPOSAL_ID, AGENTS_MARCH_MEETING_ID, NOTE, JOINT_MEETING_ON))
                    .expectException(invalidInput("occurredOn"))
                    .expectNoEvents();
        }

        @Test
        void a_submission_at_a_meeting_held_before_the_discussion_is_refused() {
            fixture.given(historyReaching(DISCUSSED))
                    .when(submitAt(AGENTS_MEETING_ID))
                    .expectException(invalidInput("occurredOn"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Decision {

        private DecideOnProposal validateAt(UUID meetingId) {
            return new DecideOnProposal(PROPOSAL_ID, DecisionOutcome.VALIDATED, RATIONALE, meetingId, null);
        }

        @Test
        void the_referents_decide_at_their_session_on_its_date() {
            fixture.given(historyReaching(SUBMITTED))
                    .when(new DecideOnProposal(PROPOSAL_ID, DecisionOutcome.UNDER_STUDY, "À chiffrer.",
                            REFERENTS_SESSION_ID, null))
                    .expectEvents(new ProposalPutUnderStudy(PROPOSAL_ID, REFERENTS_SESSION_ID, "À chiffrer.",
                            REFERENTS_SESSION_ON))
                    .expectResultMessagePayload(3L);
        }

        @Test
        void the_referents_decide_at_the_joint_meeting_on_its_date() {
            fixture.given(historyReaching(SUBMITTED))
                    .when(validateAt(JOINT_MEETING_ID))
                    .expectEvents(new ProposalValidated(PROPOSAL_ID, JOINT_MEETING_ID, RATIONALE, JOINT_MEETING_ON))
                    .expectResultMessagePayload(3L);
        }

        @ParameterizedTest
        @MethodSource("fr.gasp.command.proposal.ProposalMeetingRulesTest#groupMeetingsAfterTheSubmission")
        void the_referents_do_not_decide_at_a_group_meeting(UUID groupMeetingId) {
            fixture.given(historyReaching(SUBMITTED))
                    .when(validateAt(groupMeetingId))
                    .expectException(invalidInput("meetingId"))
                    .expectNoEvents();
        }

        @Test
        void the_referents_do_not_decide_at_a_session_of_another_gasp() {
            fixture.given(historyReaching(SUBMITTED))
                    .when(validateAt(OTHER_GASP_JOINT_MEETING_ID))
                    .expectException(invalidInput("meetingId"))
                    .expectNoEvents();
        }

        @Test
        void the_referents_do_not_decide_at_an_unknown_meeting() {
            fixture.given(historyReaching(SUBMITTED))
                    .when(validateAt(UNKNOWN_MEETING_ID))
                    .expectException(NotFoundException.class)
                    .expectNoEvents();
        }

        @Test
        void a_decision_at_a_session_cannot_be_dated_otherwise() {
            fixture.given(historyReaching(SUBMITTED))
                    .when(new DecideOnProposal(PROPOSAL_ID, DecisionOutcome.VALIDATED, RATIONALE,
                            REFERENTS_SESSION_ID, REFERENTS_SESSION_ON.plusDays(1)))
                    .expectException(invalidInput("occurredOn"))
                    .expectNoEvents();
        }

        @Test
        void a_decision_at_a_session_held_before_the_resubmission_is_refused() {
            fixture.given(raised(), discussed(), submitted(), putUnderStudy(), resubmitted())
                    .when(validateAt(REFERENTS_SESSION_ID))
                    .expectException(invalidInput("occurredOn"))
                    .expectNoEvents();
        }
    }

    @Test
    void a_step_outside_any_meeting_keeps_the_date_it_is_given() {
        fixture.given(historyReaching(RAISED))
                .when(new DiscussProposal(PROPOSAL_ID, USERS_ID, null, SUMMARY, USERS_MEETING_ON.plusDays(1)))
                .expectEvents(new ProposalDiscussed(PROPOSAL_ID, USERS_ID, null, SUMMARY,
                        USERS_MEETING_ON.plusDays(1)));
    }

    static Stream<Arguments> groupsOfTheGasp() {
        return Stream.of(Arguments.of(AGENTS_ID), Arguments.of(USERS_ID), Arguments.of(REFERENTS_ID));
    }

    /** Every kind of meeting of the GASP, each after the story's first discussion. */
    static Stream<Arguments> meetingsAfterTheFirstDiscussion() {
        return Stream.of(Arguments.of(AGENTS_MARCH_MEETING_ID), Arguments.of(USERS_MAY_MEETING_ID),
                Arguments.of(REFERENTS_SESSION_ID), Arguments.of(REFERENTS_JUNE_SESSION_ID),
                Arguments.of(JOINT_MEETING_ID));
    }

    /** Meetings of the agents' and users' groups, each after the story's submission. */
    static Stream<Arguments> groupMeetingsAfterTheSubmission() {
        return Stream.of(Arguments.of(AGENTS_APRIL_MEETING_ID), Arguments.of(USERS_MAY_MEETING_ID));
    }
}
