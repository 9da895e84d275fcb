package fr.gasp.command.proposal;

import fr.gasp.events.proposal.ProposalDiscussed;
import fr.gasp.events.proposal.ProposalStatus;
import fr.gasp.events.proposal.ProposalSubmitted;
import fr.gasp.events.proposal.ProposalValidated;
import fr.gasp.platform.problem.NotFoundException;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.UUID;

import static fr.gasp.command.proposal.ProposalFixtures.AGENTS_APRIL_MEETING_ID;
import static fr.gasp.command.proposal.ProposalFixtures.AGENTS_ID;
import static fr.gasp.command.proposal.ProposalFixtures.AGENTS_MARCH_MEETING_ID;
import static fr.gasp.command.proposal.ProposalFixtures.JOINT_MEETING_ID;
import static fr.gasp.command.proposal.ProposalFixtures.NOTE;
import static fr.gasp.command.proposal.ProposalFixtures.OTHER_GASP_AGENTS_ID;
import static fr.gasp.command.proposal.ProposalFixtures.OTHER_GASP_AGENTS_MEETING_ID;
import static fr.gasp.command.proposal.ProposalFixtures.PROPOSAL_ID;
import static fr.gasp.command.proposal.ProposalFixtures.RATIONALE;
import static fr.gasp.command.proposal.ProposalFixtures.REFERENTS_ID;
import static fr.gasp.command.proposal.ProposalFixtures.REFERENTS_JUNE_SESSION_ID;
import static fr.gasp.command.proposal.ProposalFixtures.REFERENTS_JUNE_SESSION_ON;
import static fr.gasp.command.proposal.ProposalFixtures.REFERENTS_SESSION_ID;
import static fr.gasp.command.proposal.ProposalFixtures.SUMMARY;
import static fr.gasp.command.proposal.ProposalFixtures.TODAY;
import static fr.gasp.command.proposal.ProposalFixtures.UNKNOWN_GROUP_ID;
import static fr.gasp.command.proposal.ProposalFixtures.USERS_ID;
import static fr.gasp.command.proposal.ProposalFixtures.USERS_MAY_MEETING_ID;
import static fr.gasp.command.proposal.ProposalFixtures.USERS_MEETING_ID;
import static fr.gasp.command.proposal.ProposalFixtures.discussed;
import static fr.gasp.command.proposal.ProposalFixtures.forbidden;
import static fr.gasp.command.proposal.ProposalFixtures.historyReaching;
import static fr.gasp.command.proposal.ProposalFixtures.invalidInput;
import static fr.gasp.command.proposal.ProposalFixtures.meetingOn;
import static fr.gasp.command.proposal.ProposalFixtures.proposalFixture;
import static fr.gasp.command.proposal.ProposalFixtures.raised;
import static fr.gasp.events.proposal.ProposalAction.DECIDE;
import static fr.gasp.events.proposal.ProposalAction.DISCUSS;
import static fr.gasp.events.proposal.ProposalAction.SUBMIT;
import static fr.gasp.events.proposal.ProposalStatus.DISCUSSED;
import static fr.gasp.events.proposal.ProposalStatus.RAISED;
import static fr.gasp.events.proposal.ProposalStatus.SUBMITTED;
import static fr.gasp.events.proposal.ProposalStatus.UNDER_STUDY;
import static org.hamcrest.Matchers.containsString;

/**
 * domain.md: "discuss: by any group (also a group other than the raiser), at a meeting, with a
 * summary; allowed while RAISED, DISCUSSED, SUBMITTED or UNDER_STUDY. The first discussion
 * moves RAISED to DISCUSSED."
 */
class ProposalDiscussionTest {

    /** A date for a discussion outside any meeting. */
    private static final LocalDate ON = LocalDate.of(2002, 6, 1);

    private FixtureConfiguration<Proposal> fixture;

    @BeforeEach
    void setUp() {
        fixture = proposalFixture();
    }

    /** A discussion at a meeting, on the meeting's date. */
    private static DiscussProposal discuss(UUID groupId, UUID meetingId, String summary) {
        return new DiscussProposal(PROPOSAL_ID, groupId, meetingId, summary, meetingOn(meetingId));
    }

    private static ProposalDiscussed discussedAt(UUID groupId, UUID meetingId) {
        return new ProposalDiscussed(PROPOSAL_ID, groupId, meetingId, SUMMARY, meetingOn(meetingId));
    }

    /** A submission today, outside any meeting: after every discussion of these tests. */
    private static SubmitProposal submit() {
        return new SubmitProposal(PROPOSAL_ID, null, NOTE, TODAY);
    }

    @Test
    void the_raising_group_discusses_its_raised_proposal() {
        fixture.given(raised())
                .when(discuss(AGENTS_ID, AGENTS_MARCH_MEETING_ID, SUMMARY))
                .expectEvents(discussedAt(AGENTS_ID, AGENTS_MARCH_MEETING_ID))
                .expectResultMessagePayload(1L);
    }

    @Test
    void the_first_discussion_moves_a_raised_proposal_to_discussed_so_it_can_be_submitted() {
        fixture.given(raised())
                .andGivenCommands(discuss(USERS_ID, USERS_MEETING_ID, SUMMARY))
                .when(submit())
                .expectEvents(new ProposalSubmitted(PROPOSAL_ID, null, NOTE, TODAY))
                .expectResultMessagePayload(2L);
    }

    @Test
    void without_a_discussion_a_raised_proposal_stays_raised_and_cannot_be_submitted() {
        fixture.given(raised())
                .when(submit())
                .expectException(forbidden(RAISED, SUBMIT))
                .expectNoEvents();
    }

    @Test
    void another_group_of_the_same_gasp_discusses_the_proposal() {
        fixture.given(raised())
                .when(discuss(USERS_ID, USERS_MEETING_ID, SUMMARY))
                .expectEvents(discussedAt(USERS_ID, USERS_MEETING_ID));
    }

    @Test
    void the_referents_may_discuss_a_proposal_too() {
        fixture.given(historyReaching(SUBMITTED))
                .when(discuss(REFERENTS_ID, REFERENTS_SESSION_ID, SUMMARY))
                .expectEvents(discussedAt(REFERENTS_ID, REFERENTS_SESSION_ID));
    }

    @Test
    void a_discussed_proposal_is_discussed_again_and_stays_discussed() {
        fixture.given(raised(), discussed())
                .andGivenCommands(discuss(AGENTS_ID, JOINT_MEETING_ID, SUMMARY))
                .when(submit())
                .expectEvents(new ProposalSubmitted(PROPOSAL_ID, null, NOTE, TODAY))
                .expectResultMessagePayload(3L);
    }

    @Test
    void a_discussion_of_a_discussed_proposal_is_recorded() {
        fixture.given(historyReaching(DISCUSSED))
                .when(discuss(AGENTS_ID, AGENTS_MARCH_MEETING_ID, SUMMARY))
                .expectEvents(discussedAt(AGENTS_ID, AGENTS_MARCH_MEETING_ID))
                .expectResultMessagePayload(2L);
    }

    @Test
    void a_submitted_proposal_is_discussed() {
        fixture.given(historyReaching(SUBMITTED))
                .when(discuss(USERS_ID, USERS_MAY_MEETING_ID, SUMMARY))
                .expectEvents(discussedAt(USERS_ID, USERS_MAY_MEETING_ID))
                .expectResultMessagePayload(3L);
    }

    @Test
    void a_discussed_submitted_proposal_stays_submitted_awaiting_the_decision() {
        fixture.given(historyReaching(SUBMITTED))
                .andGivenCommands(discuss(USERS_ID, USERS_MAY_MEETING_ID, SUMMARY))
                .when(new DecideOnProposal(PROPOSAL_ID, DecisionOutcome.VALIDATED, RATIONALE,
                        REFERENTS_JUNE_SESSION_ID, REFERENTS_JUNE_SESSION_ON))
                .expectEvents(new ProposalValidated(PROPOSAL_ID, REFERENTS_JUNE_SESSION_ID, RATIONALE,
                        REFERENTS_JUNE_SESSION_ON));
    }

    @Test
    void a_proposal_under_study_is_discussed() {
        fixture.given(historyReaching(UNDER_STUDY))
                .when(discuss(AGENTS_ID, AGENTS_APRIL_MEETING_ID, SUMMARY))
                .expectEvents(discussedAt(AGENTS_ID, AGENTS_APRIL_MEETING_ID))
                .expectResultMessagePayload(4L);
    }

    @Test
    void a_discussed_proposal_under_study_stays_under_study_and_must_be_resubmitted_before_a_decision() {
        fixture.given(historyReaching(UNDER_STUDY))
                .andGivenCommands(discuss(AGENTS_ID, AGENTS_APRIL_MEETING_ID, SUMMARY))
                .when(new DecideOnProposal(PROPOSAL_ID, DecisionOutcome.VALIDATED, RATIONALE,
                        REFERENTS_JUNE_SESSION_ID, REFERENTS_JUNE_SESSION_ON))
                .expectException(forbidden(UNDER_STUDY, DECIDE))
                .expectNoEvents();
    }

    @Test
    void the_summary_is_recorded_without_surrounding_blanks() {
        fixture.given(raised())
                .when(new DiscussProposal(PROPOSAL_ID, USERS_ID, null, "\n " + SUMMARY + "  ", ON))
                .expectEvents(new ProposalDiscussed(PROPOSAL_ID, USERS_ID, null, SUMMARY, ON));
    }

    @Test
    void a_proposal_is_discussed_outside_any_meeting_on_the_date_given() {
        fixture.given(raised())
                .when(new DiscussProposal(PROPOSAL_ID, AGENTS_ID, null, SUMMARY, ON))
                .expectEvents(new ProposalDiscussed(PROPOSAL_ID, AGENTS_ID, null, SUMMARY, ON))
                .expectResultMessagePayload(1L);
    }

    @Test
    void a_group_of_another_gasp_cannot_discuss_the_proposal() {
        fixture.given(raised())
                .when(new DiscussProposal(PROPOSAL_ID, OTHER_GASP_AGENTS_ID, null, SUMMARY, ON))
                .expectException(invalidInput("groupId"))
                .expectNoEvents();
    }

    @Test
    void a_group_of_another_gasp_cannot_discuss_the_proposal_at_its_own_meeting() {
        fixture.given(raised())
                .when(discuss(OTHER_GASP_AGENTS_ID, OTHER_GASP_AGENTS_MEETING_ID, SUMMARY))
                .expectException(invalidInput("groupId"))
                .expectNoEvents();
    }

    @Test
    void an_unknown_group_cannot_discuss_the_proposal() {
        fixture.given(raised())
                .when(new DiscussProposal(PROPOSAL_ID, UNKNOWN_GROUP_ID, null, SUMMARY, ON))
                .expectException(NotFoundException.class)
                .expectExceptionMessage(containsString(UNKNOWN_GROUP_ID.toString()))
                .expectNoEvents();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\t\n"})
    void a_discussion_needs_a_summary(String summary) {
        fixture.given(raised())
                .when(discuss(USERS_ID, USERS_MEETING_ID, summary))
                .expectException(invalidInput("summary"))
                .expectNoEvents();
    }

    @Test
    void a_validated_proposal_is_no_longer_discussed() {
        fixture.given(historyReaching(ProposalStatus.VALIDATED))
                .when(discuss(USERS_ID, USERS_MAY_MEETING_ID, SUMMARY))
                .expectException(forbidden(ProposalStatus.VALIDATED, DISCUSS))
                .expectNoEvents();
    }
}
