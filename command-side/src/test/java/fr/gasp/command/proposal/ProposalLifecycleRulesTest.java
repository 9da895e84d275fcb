package fr.gasp.command.proposal;

import fr.gasp.command.proposal.ProposalFixtures.Path;
import fr.gasp.events.proposal.ProposalAction;
import fr.gasp.events.proposal.ProposalStatus;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static fr.gasp.command.proposal.ProposalFixtures.eventOf;
import static fr.gasp.command.proposal.ProposalFixtures.forbidden;
import static fr.gasp.command.proposal.ProposalFixtures.historyReaching;
import static fr.gasp.command.proposal.ProposalFixtures.pathsToEveryStatus;
import static fr.gasp.command.proposal.ProposalFixtures.proposalFixture;
import static fr.gasp.command.proposal.ProposalFixtures.validCommand;
import static fr.gasp.events.proposal.ProposalAction.AMEND;
import static fr.gasp.events.proposal.ProposalAction.COMPLETE;
import static fr.gasp.events.proposal.ProposalAction.DECIDE;
import static fr.gasp.events.proposal.ProposalAction.DISCUSS;
import static fr.gasp.events.proposal.ProposalAction.REPORT_PROGRESS;
import static fr.gasp.events.proposal.ProposalAction.START_IMPLEMENTATION;
import static fr.gasp.events.proposal.ProposalAction.SUBMIT;
import static fr.gasp.events.proposal.ProposalAction.WITHDRAW;
import static fr.gasp.events.proposal.ProposalStatus.DISCUSSED;
import static fr.gasp.events.proposal.ProposalStatus.IN_IMPLEMENTATION;
import static fr.gasp.events.proposal.ProposalStatus.RAISED;
import static fr.gasp.events.proposal.ProposalStatus.SUBMITTED;
import static fr.gasp.events.proposal.ProposalStatus.UNDER_STUDY;
import static fr.gasp.events.proposal.ProposalStatus.VALIDATED;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.messageWithPayload;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;

/**
 * Which action each status allows, checked over every status (reached by several histories)
 * and every action. The expectation is the domain's own rules (domain.md, "Proposal
 * lifecycle"), written out here action by action; it does not ask {@link ProposalStatus},
 * so that a wrong table there makes these tests fail.
 */
class ProposalLifecycleRulesTest {

    /** domain.md, action by action: the statuses from which each action may be taken. */
    private static final Map<ProposalAction, Set<ProposalStatus>> MAY_BE_TAKEN_FROM = new EnumMap<>(Map.of(
            // "discuss: ... allowed while RAISED, DISCUSSED, SUBMITTED or UNDER_STUDY"
            DISCUSS, EnumSet.of(RAISED, DISCUSSED, SUBMITTED, UNDER_STUDY),
            // "amend (title, description, themes): while RAISED, DISCUSSED or UNDER_STUDY"
            AMEND, EnumSet.of(RAISED, DISCUSSED, UNDER_STUDY),
            // "submit to referents: only from DISCUSSED or UNDER_STUDY"
            SUBMIT, EnumSet.of(DISCUSSED, UNDER_STUDY),
            // "decide: only from SUBMITTED"
            DECIDE, EnumSet.of(SUBMITTED),
            // "implementation: start ... from VALIDATED"
            START_IMPLEMENTATION, EnumSet.of(VALIDATED),
            // progress reports are part of an implementation under way
            REPORT_PROGRESS, EnumSet.of(IN_IMPLEMENTATION),
            // "completion ... from IN_IMPLEMENTATION or directly from VALIDATED for quick wins"
            COMPLETE, EnumSet.of(IN_IMPLEMENTATION, VALIDATED),
            // "withdraw: ... before a final decision" (the lifecycle's withdraw arrow)
            WITHDRAW, EnumSet.of(RAISED, DISCUSSED, SUBMITTED, UNDER_STUDY)));
    // REJECTED, IMPLEMENTED and WITHDRAWN appear in no list: "REJECTED, IMPLEMENTED and WITHDRAWN are final."

    private FixtureConfiguration<Proposal> fixture;

    @BeforeEach
    void setUp() {
        fixture = proposalFixture();
    }

    static boolean domainAllows(ProposalStatus status, ProposalAction action) {
        return MAY_BE_TAKEN_FROM.get(action).contains(status);
    }

    static Set<ProposalAction> domainAllowedActions(ProposalStatus status) {
        Set<ProposalAction> allowed = EnumSet.noneOf(ProposalAction.class);
        for (ProposalAction action : ProposalAction.values()) {
            if (domainAllows(status, action)) {
                allowed.add(action);
            }
        }
        return allowed;
    }

    static Stream<Arguments> refusedCombinations() {
        return combinations().filter(arguments -> !domainAllows(status(arguments), action(arguments)));
    }

    static Stream<Arguments> allowedCombinations() {
        return combinations().filter(arguments -> domainAllows(status(arguments), action(arguments)));
    }

    private static Stream<Arguments> combinations() {
        return pathsToEveryStatus().stream()
                .flatMap(path -> Stream.of(ProposalAction.values()).map(action -> Arguments.of(path, action)));
    }

    private static ProposalStatus status(Arguments arguments) {
        return ((Path) arguments.get()[0]).status();
    }

    private static ProposalAction action(Arguments arguments) {
        return (ProposalAction) arguments.get()[1];
    }

    @Test
    void every_action_has_its_rule_written_here() {
        org.hamcrest.MatcherAssert.assertThat(MAY_BE_TAKEN_FROM.keySet(),
                Matchers.containsInAnyOrder(ProposalAction.values()));
    }

    @ParameterizedTest(name = "{1} from {0}")
    @MethodSource("refusedCombinations")
    void an_action_the_current_status_does_not_allow_is_refused_naming_the_status_and_the_allowed_actions(
            Path path, ProposalAction action) {
        fixture.given(path.history())
                .when(validCommand(action))
                .expectException(forbidden(path.status(), action, domainAllowedActions(path.status())))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{1} from {0}")
    @MethodSource("allowedCombinations")
    void an_action_the_current_status_allows_is_recorded(Path path, ProposalAction action) {
        fixture.given(path.history())
                .when(validCommand(action))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(exactSequenceOf(messageWithPayload(instanceOf(eventOf(action))), andNoMore()))
                .expectResultMessagePayload((long) path.history().size());
    }

    @ParameterizedTest
    @EnumSource(value = ProposalStatus.class, names = {"REJECTED", "IMPLEMENTED", "WITHDRAWN"})
    void a_final_status_refuses_every_action_saying_it_is_final(ProposalStatus finalStatus) {
        for (ProposalAction action : ProposalAction.values()) {
            FixtureConfiguration<Proposal> fresh = proposalFixture();
            fresh.given(historyReaching(finalStatus))
                    .when(validCommand(action))
                    .expectException(forbidden(finalStatus, action, Set.of()))
                    .expectExceptionMessage(containsString("définitif"))
                    .expectNoEvents();
        }
    }

    @Test
    void a_refusal_names_the_current_status_and_the_possible_actions_in_its_message() {
        fixture.given(historyReaching(SUBMITTED))
                .when(validCommand(AMEND))
                .expectException(forbidden(SUBMITTED, AMEND))
                .expectExceptionMessage(Matchers.allOf(containsString("SUBMITTED"), containsString("DISCUSS"),
                        containsString("DECIDE"), containsString("WITHDRAW")));
    }
}
