package fr.gasp.command.proposal;

import fr.gasp.command.proposal.ProposalFixtures.Path;
import fr.gasp.events.proposal.ProposalAction;
import fr.gasp.events.proposal.ProposalPresented;
import fr.gasp.events.proposal.ProposalStatus;
import fr.gasp.platform.problem.NotFoundException;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static fr.gasp.command.proposal.ProposalFixtures.AGENTS_APRIL_MEETING_ID;
import static fr.gasp.command.proposal.ProposalFixtures.JOINT_MEETING_ID;
import static fr.gasp.command.proposal.ProposalFixtures.JOINT_MEETING_ON;
import static fr.gasp.command.proposal.ProposalFixtures.OTHER_GASP_JOINT_MEETING_ID;
import static fr.gasp.command.proposal.ProposalFixtures.PREVIOUS_JOINT_MEETING_ID;
import static fr.gasp.command.proposal.ProposalFixtures.PROPOSAL_ID;
import static fr.gasp.command.proposal.ProposalFixtures.REFERENTS_JUNE_SESSION_ID;
import static fr.gasp.command.proposal.ProposalFixtures.UNKNOWN_MEETING_ID;
import static fr.gasp.command.proposal.ProposalFixtures.USERS_MAY_MEETING_ID;
import static fr.gasp.command.proposal.ProposalFixtures.forbidden;
import static fr.gasp.command.proposal.ProposalFixtures.historyReaching;
import static fr.gasp.command.proposal.ProposalFixtures.invalidInput;
import static fr.gasp.command.proposal.ProposalFixtures.pathsToEveryStatus;
import static fr.gasp.command.proposal.ProposalFixtures.proposalFixture;
import static fr.gasp.command.proposal.ProposalFixtures.validCommand;
import static org.hamcrest.Matchers.containsString;

/**
 * domain.md: "restitution: a proposal presented at a joint meeting (any status) is recorded as
 * such." Once a year the joint meeting presents the year's proposals, final ones included; the
 * presentation is dated by the meeting and changes nothing in where the proposal stands.
 */
class ProposalPresentationTest {

    private FixtureConfiguration<Proposal> fixture;

    @BeforeEach
    void setUp() {
        fixture = proposalFixture();
    }

    static Stream<Path> everyStatus() {
        return pathsToEveryStatus().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyStatus")
    void a_proposal_in_any_status_is_presented_at_the_joint_meeting_on_its_date(Path path) {
        fixture.given(path.history())
                .when(new PresentProposal(PROPOSAL_ID, JOINT_MEETING_ID))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ProposalPresented(PROPOSAL_ID, JOINT_MEETING_ID, JOINT_MEETING_ON))
                .expectResultMessagePayload((long) path.history().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyStatus")
    void a_presentation_leaves_the_proposal_in_its_status(Path path) {
        ProposalAction refused = anActionRefusedIn(path.status());
        fixture.given(path.history())
                .andGivenCommands(new PresentProposal(PROPOSAL_ID, JOINT_MEETING_ID))
                .when(validCommand(refused))
                .expectException(forbidden(path.status(), refused))
                .expectNoEvents();
    }

    @Test
    void a_presented_proposal_goes_on_with_its_life() {
        fixture.given(historyReaching(ProposalStatus.VALIDATED))
                .andGivenCommands(new PresentProposal(PROPOSAL_ID, JOINT_MEETING_ID))
                .when(validCommand(ProposalAction.START_IMPLEMENTATION))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(5L);
    }

    @ParameterizedTest
    @EnumSource(value = ProposalStatus.class, names = {"REJECTED", "IMPLEMENTED", "WITHDRAWN"})
    void a_proposal_in_a_final_status_is_still_presented(ProposalStatus finalStatus) {
        List<Object> history = historyReaching(finalStatus);
        fixture.given(history)
                .when(new PresentProposal(PROPOSAL_ID, JOINT_MEETING_ID))
                .expectEvents(new ProposalPresented(PROPOSAL_ID, JOINT_MEETING_ID, JOINT_MEETING_ON))
                .expectResultMessagePayload((long) history.size());
    }

    static Stream<UUID> meetingsOtherThanJoint() {
        return Stream.of(AGENTS_APRIL_MEETING_ID, USERS_MAY_MEETING_ID, REFERENTS_JUNE_SESSION_ID);
    }

    @ParameterizedTest
    @MethodSource("meetingsOtherThanJoint")
    void a_proposal_is_not_presented_at_a_meeting_other_than_a_joint_one(UUID meetingId) {
        fixture.given(historyReaching(ProposalStatus.SUBMITTED))
                .when(new PresentProposal(PROPOSAL_ID, meetingId))
                .expectException(invalidInput("meetingId"))
                .expectNoEvents();
    }

    @Test
    void a_presentation_needs_a_meeting() {
        fixture.given(historyReaching(ProposalStatus.VALIDATED))
                .when(new PresentProposal(PROPOSAL_ID, null))
                .expectException(invalidInput("meetingId"))
                .expectNoEvents();
    }

    @Test
    void a_proposal_is_not_presented_at_an_unknown_meeting() {
        fixture.given(historyReaching(ProposalStatus.VALIDATED))
                .when(new PresentProposal(PROPOSAL_ID, UNKNOWN_MEETING_ID))
                .expectException(NotFoundException.class)
                .expectExceptionMessage(containsString(UNKNOWN_MEETING_ID.toString()))
                .expectNoEvents();
    }

    @Test
    void a_proposal_is_not_presented_at_the_joint_meeting_of_another_gasp() {
        fixture.given(historyReaching(ProposalStatus.VALIDATED))
                .when(new PresentProposal(PROPOSAL_ID, OTHER_GASP_JOINT_MEETING_ID))
                .expectException(invalidInput("meetingId"))
                .expectNoEvents();
    }

    @Test
    void a_proposal_is_not_presented_at_a_joint_meeting_held_before_its_last_step() {
        fixture.given(historyReaching(ProposalStatus.RAISED))
                .when(new PresentProposal(PROPOSAL_ID, PREVIOUS_JOINT_MEETING_ID))
                .expectException(invalidInput("proposalIds"))
                .expectNoEvents();
    }

    /** An action the status does not allow, to probe which status the proposal is in. */
    private static ProposalAction anActionRefusedIn(ProposalStatus status) {
        return Stream.of(ProposalAction.values()).filter(action -> !status.allows(action)).findFirst()
                .orElseThrow(() -> new IllegalStateException(status + " allows every action"));
    }
}
