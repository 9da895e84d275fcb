package fr.gasp.command.proposal;

import fr.gasp.events.proposal.ProposalAction;
import fr.gasp.events.proposal.ProposalDiscussed;
import fr.gasp.events.proposal.ProposalEvent;
import fr.gasp.events.proposal.ProposalRaised;
import fr.gasp.events.proposal.ProposalStatus;
import fr.gasp.events.proposal.ProposalValidated;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static fr.gasp.command.proposal.ProposalFixtures.AGENTS_ID;
import static fr.gasp.command.proposal.ProposalFixtures.DESCRIPTION;
import static fr.gasp.command.proposal.ProposalFixtures.FIRST_AGENTS_MEETING_ID;
import static fr.gasp.command.proposal.ProposalFixtures.GASP_ID;
import static fr.gasp.command.proposal.ProposalFixtures.PROPOSAL_ID;
import static fr.gasp.command.proposal.ProposalFixtures.RATIONALE;
import static fr.gasp.command.proposal.ProposalFixtures.SUMMARY;
import static fr.gasp.command.proposal.ProposalFixtures.THEMES;
import static fr.gasp.command.proposal.ProposalFixtures.TITLE;
import static fr.gasp.command.proposal.ProposalFixtures.TODAY;
import static fr.gasp.command.proposal.ProposalFixtures.TOMORROW;
import static fr.gasp.command.proposal.ProposalFixtures.USERS_ID;
import static fr.gasp.command.proposal.ProposalFixtures.USERS_MAY_MEETING_ID;
import static fr.gasp.command.proposal.ProposalFixtures.USERS_MAY_MEETING_ON;
import static fr.gasp.command.proposal.ProposalFixtures.amended;
import static fr.gasp.command.proposal.ProposalFixtures.discussed;
import static fr.gasp.command.proposal.ProposalFixtures.discussion;
import static fr.gasp.command.proposal.ProposalFixtures.eventOf;
import static fr.gasp.command.proposal.ProposalFixtures.historyReaching;
import static fr.gasp.command.proposal.ProposalFixtures.invalidInput;
import static fr.gasp.command.proposal.ProposalFixtures.proposalFixture;
import static fr.gasp.command.proposal.ProposalFixtures.raised;
import static fr.gasp.command.proposal.ProposalFixtures.submitted;
import static fr.gasp.command.proposal.ProposalFixtures.validCommand;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.messageWithPayload;

/**
 * domain.md, "Two clocks": every command carries its business date, the meeting's date when
 * given, today otherwise; "business dates of one proposal never go backwards and are never
 * in the future. Historical records (back to 2000) can be entered." Today is the day of the
 * territory (Europe/Paris): the test clock stands at 00:30 on 15 June 2002 in Paris, still
 * 14 June in UTC.
 */
class ProposalBusinessDateTest {

    private FixtureConfiguration<Proposal> fixture;

    @BeforeEach
    void setUp() {
        fixture = proposalFixture();
    }

    /** Raised outside any meeting, so that the date is the command's own (at a meeting, it is the meeting's). */
    private static RaiseProposal raiseOn(LocalDate on) {
        return new RaiseProposal(PROPOSAL_ID, AGENTS_ID, null, TITLE, DESCRIPTION, THEMES, on);
    }

    private static ProposalRaised raisedOn(LocalDate on) {
        return new ProposalRaised(PROPOSAL_ID, GASP_ID, AGENTS_ID, null, TITLE, DESCRIPTION, THEMES, on);
    }

    // --- raising: no previous step

    @Test
    void a_proposal_raised_without_a_date_is_raised_today_in_the_territory() {
        fixture.givenNoPriorActivity()
                .when(raiseOn(null))
                .expectEvents(raisedOn(TODAY));
    }

    @Test
    void a_proposal_is_raised_today_although_it_is_still_yesterday_in_utc() {
        fixture.givenNoPriorActivity()
                .when(raiseOn(TODAY))
                .expectEvents(raisedOn(TODAY));
    }

    @Test
    void a_proposal_raised_in_june_2000_is_recorded_as_history() {
        LocalDate june2000 = LocalDate.of(2000, 6, 22);
        fixture.givenNoPriorActivity()
                .when(raiseOn(june2000))
                .expectEvents(raisedOn(june2000));
    }

    /** Found by the fuzz test: a year of -999999999 was stored, and then refused by the read models' database. */
    @ParameterizedTest
    @ValueSource(strings = {"-999999999-01-01", "0000-01-01", "1899-12-31"})
    void a_date_before_1900_is_refused(String date) {
        fixture.givenNoPriorActivity()
                .when(raiseOn(LocalDate.parse(date)))
                .expectException(invalidInput("occurredOn"))
                .expectNoEvents();
    }

    @Test
    void a_proposal_raised_at_a_meeting_of_june_2000_is_recorded_as_history() {
        LocalDate firstMeeting = LocalDate.of(2000, 6, 20);
        fixture.givenNoPriorActivity()
                .when(new RaiseProposal(PROPOSAL_ID, AGENTS_ID, FIRST_AGENTS_MEETING_ID, TITLE, DESCRIPTION, THEMES,
                        firstMeeting))
                .expectEvents(new ProposalRaised(PROPOSAL_ID, GASP_ID, AGENTS_ID, FIRST_AGENTS_MEETING_ID, TITLE,
                        DESCRIPTION, THEMES, firstMeeting));
    }

    @Test
    void a_proposal_cannot_be_raised_tomorrow() {
        fixture.givenNoPriorActivity()
                .when(raiseOn(TOMORROW))
                .expectException(invalidInput("occurredOn"))
                .expectNoEvents();
    }

    // --- every later step, against the step before it

    /** Each action, from a status that allows it. */
    static Stream<Arguments> steps() {
        return Stream.of(
                Arguments.of(ProposalAction.DISCUSS, ProposalStatus.RAISED),
                Arguments.of(ProposalAction.AMEND, ProposalStatus.DISCUSSED),
                Arguments.of(ProposalAction.SUBMIT, ProposalStatus.DISCUSSED),
                Arguments.of(ProposalAction.DECIDE, ProposalStatus.SUBMITTED),
                Arguments.of(ProposalAction.START_IMPLEMENTATION, ProposalStatus.VALIDATED),
                Arguments.of(ProposalAction.REPORT_PROGRESS, ProposalStatus.IN_IMPLEMENTATION),
                Arguments.of(ProposalAction.COMPLETE, ProposalStatus.IN_IMPLEMENTATION),
                Arguments.of(ProposalAction.COMPLETE, ProposalStatus.VALIDATED),
                Arguments.of(ProposalAction.WITHDRAW, ProposalStatus.SUBMITTED));
    }

    private static LocalDate lastDateOf(List<Object> history) {
        return ((ProposalEvent) history.get(history.size() - 1)).occurredOn();
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("steps")
    void a_step_without_a_date_happens_today(ProposalAction action, ProposalStatus from) {
        fixture.given(historyReaching(from))
                .when(validCommand(action, null))
                .expectEventsMatching(exactSequenceOf(messageWithPayload(eventOn(eventOf(action), TODAY)),
                        andNoMore()));
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("steps")
    void a_step_keeps_the_date_it_is_given(ProposalAction action, ProposalStatus from) {
        List<Object> history = historyReaching(from);
        LocalDate on = lastDateOf(history).plusDays(3);
        fixture.given(history)
                .when(validCommand(action, on))
                .expectEventsMatching(exactSequenceOf(messageWithPayload(eventOn(eventOf(action), on)),
                        andNoMore()));
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("steps")
    void a_step_on_the_same_day_as_the_previous_one_is_accepted(ProposalAction action, ProposalStatus from) {
        List<Object> history = historyReaching(from);
        LocalDate sameDay = lastDateOf(history);
        fixture.given(history)
                .when(validCommand(action, sameDay))
                .expectEventsMatching(exactSequenceOf(messageWithPayload(eventOn(eventOf(action), sameDay)),
                        andNoMore()));
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("steps")
    void a_step_dated_before_the_previous_one_is_refused(ProposalAction action, ProposalStatus from) {
        List<Object> history = historyReaching(from);
        fixture.given(history)
                .when(validCommand(action, lastDateOf(history).minusDays(1)))
                .expectException(invalidInput("occurredOn"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("steps")
    void a_step_dated_tomorrow_is_refused(ProposalAction action, ProposalStatus from) {
        fixture.given(historyReaching(from))
                .when(validCommand(action, TOMORROW))
                .expectException(invalidInput("occurredOn"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("steps")
    void a_step_dated_today_is_accepted(ProposalAction action, ProposalStatus from) {
        fixture.given(historyReaching(from))
                .when(validCommand(action, TODAY))
                .expectEventsMatching(exactSequenceOf(messageWithPayload(eventOn(eventOf(action), TODAY)),
                        andNoMore()));
    }

    // --- what counts as the previous step

    @Test
    void an_amendment_is_a_step_later_steps_may_not_precede() {
        LocalDate amendedOn = LocalDate.of(2002, 3, 1);
        fixture.given(raised(), discussed(), amended(amendedOn))
                .when(new SubmitProposal(PROPOSAL_ID, null, null, amendedOn.minusDays(1)))
                .expectException(invalidInput("occurredOn"))
                .expectNoEvents();
    }

    @Test
    void a_discussion_of_a_submitted_proposal_is_a_step_the_decision_may_not_precede() {
        LocalDate discussedAgainOn = USERS_MAY_MEETING_ON;
        fixture.given(raised(), discussed(), submitted(), discussion(USERS_ID, USERS_MAY_MEETING_ID))
                .when(new DecideOnProposal(PROPOSAL_ID, DecisionOutcome.VALIDATED, RATIONALE, null,
                        discussedAgainOn.minusDays(1)))
                .expectException(invalidInput("occurredOn"))
                .expectNoEvents();
    }

    @Test
    void a_step_dated_on_the_previous_one_after_a_discussion_of_a_submitted_proposal_is_accepted() {
        LocalDate discussedAgainOn = USERS_MAY_MEETING_ON;
        fixture.given(raised(), discussed(), submitted(), discussion(USERS_ID, USERS_MAY_MEETING_ID))
                .when(new DecideOnProposal(PROPOSAL_ID, DecisionOutcome.VALIDATED, RATIONALE, null,
                        discussedAgainOn))
                .expectEvents(new ProposalValidated(PROPOSAL_ID, null, RATIONALE, discussedAgainOn));
    }

    @Test
    void historical_steps_from_2000_are_entered_in_order() {
        LocalDate raisedOn = LocalDate.of(2000, 9, 14);
        LocalDate discussedOn = LocalDate.of(2000, 11, 16);
        fixture.given(raisedOn(raisedOn))
                .when(new DiscussProposal(PROPOSAL_ID, USERS_ID, null, SUMMARY, discussedOn))
                .expectEvents(new ProposalDiscussed(PROPOSAL_ID, USERS_ID, null, SUMMARY, discussedOn));
    }

    /** An event of the given type on the given business date. */
    private static Matcher<Object> eventOn(Class<?> type, LocalDate on) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object event) {
                return type.isInstance(event) && on.equals(((ProposalEvent) event).occurredOn());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText(type.getSimpleName() + " on ").appendValue(on);
            }
        };
    }
}
