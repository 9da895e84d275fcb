package fr.gasp.command.proposal;

import fr.gasp.events.proposal.ImplementationCompleted;
import fr.gasp.events.proposal.ImplementationProgressed;
import fr.gasp.events.proposal.ImplementationStarted;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static fr.gasp.command.proposal.ProposalFixtures.OUTCOME;
import static fr.gasp.command.proposal.ProposalFixtures.OWNER;
import static fr.gasp.command.proposal.ProposalFixtures.PROPOSAL_ID;
import static fr.gasp.command.proposal.ProposalFixtures.forbidden;
import static fr.gasp.command.proposal.ProposalFixtures.historyReaching;
import static fr.gasp.command.proposal.ProposalFixtures.implementationStarted;
import static fr.gasp.command.proposal.ProposalFixtures.invalidInput;
import static fr.gasp.command.proposal.ProposalFixtures.progressed;
import static fr.gasp.command.proposal.ProposalFixtures.proposalFixture;
import static fr.gasp.command.proposal.ProposalFixtures.raised;
import static fr.gasp.command.proposal.ProposalFixtures.discussed;
import static fr.gasp.command.proposal.ProposalFixtures.submitted;
import static fr.gasp.command.proposal.ProposalFixtures.validated;
import static fr.gasp.events.proposal.ProposalAction.COMPLETE;
import static fr.gasp.events.proposal.ProposalAction.REPORT_PROGRESS;
import static fr.gasp.events.proposal.ProposalAction.START_IMPLEMENTATION;
import static fr.gasp.events.proposal.ProposalStatus.IMPLEMENTED;
import static fr.gasp.events.proposal.ProposalStatus.IN_IMPLEMENTATION;
import static fr.gasp.events.proposal.ProposalStatus.SUBMITTED;
import static fr.gasp.events.proposal.ProposalStatus.VALIDATED;

/**
 * domain.md: "implementation: start (owner institution, optional target date) from VALIDATED;
 * progress reports (0–100 %, note); completion (outcome text) from IN_IMPLEMENTATION or
 * directly from VALIDATED for quick wins."
 */
class ProposalImplementationTest {

    private static final LocalDate ON = LocalDate.of(2002, 6, 3);

    private FixtureConfiguration<Proposal> fixture;

    @BeforeEach
    void setUp() {
        fixture = proposalFixture();
    }

    // --- start

    @Test
    void an_institution_takes_charge_of_a_validated_proposal_with_a_target_date() {
        LocalDate target = LocalDate.of(2003, 1, 31);
        fixture.given(historyReaching(VALIDATED))
                .when(new StartImplementation(PROPOSAL_ID, OWNER, target, ON))
                .expectEvents(new ImplementationStarted(PROPOSAL_ID, OWNER, target, ON))
                .expectResultMessagePayload(4L);
    }

    @Test
    void the_target_date_is_optional() {
        fixture.given(historyReaching(VALIDATED))
                .when(new StartImplementation(PROPOSAL_ID, " " + OWNER + " ", null, ON))
                .expectEvents(new ImplementationStarted(PROPOSAL_ID, OWNER, null, ON));
    }

    @Test
    void the_target_date_may_be_the_day_the_implementation_starts() {
        fixture.given(historyReaching(VALIDATED))
                .when(new StartImplementation(PROPOSAL_ID, OWNER, ON, ON))
                .expectEvents(new ImplementationStarted(PROPOSAL_ID, OWNER, ON, ON));
    }

    @Test
    void a_target_date_before_the_start_is_refused() {
        fixture.given(historyReaching(VALIDATED))
                .when(new StartImplementation(PROPOSAL_ID, OWNER, ON.minusDays(1), ON))
                .expectException(invalidInput("targetDate"))
                .expectNoEvents();
    }

    @Test
    void a_target_date_a_hundred_years_after_the_start_is_accepted() {
        fixture.given(historyReaching(VALIDATED))
                .when(new StartImplementation(PROPOSAL_ID, OWNER, ON.plusYears(100), ON))
                .expectEvents(new ImplementationStarted(PROPOSAL_ID, OWNER, ON.plusYears(100), ON));
    }

    /** Found by the fuzz test: +999999999-12-31 was stored, and then refused by the read models' database. */
    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31", "9999-12-31"})
    void a_target_date_more_than_a_hundred_years_after_the_start_is_refused(String target) {
        fixture.given(historyReaching(VALIDATED))
                .when(new StartImplementation(PROPOSAL_ID, OWNER, LocalDate.parse(target), ON))
                .expectException(invalidInput("targetDate"))
                .expectNoEvents();
    }

    @Test
    void a_target_date_before_a_start_dated_today_by_default_is_refused() {
        fixture.given(historyReaching(VALIDATED))
                .when(new StartImplementation(PROPOSAL_ID, OWNER, ProposalFixtures.TODAY.minusDays(1), null))
                .expectException(invalidInput("targetDate"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\t"})
    void an_implementation_needs_an_owner(String owner) {
        fixture.given(historyReaching(VALIDATED))
                .when(new StartImplementation(PROPOSAL_ID, owner, null, ON))
                .expectException(invalidInput("owner"))
                .expectNoEvents();
    }

    @Test
    void a_proposal_is_not_implemented_before_the_referents_validate_it() {
        fixture.given(historyReaching(SUBMITTED))
                .when(new StartImplementation(PROPOSAL_ID, OWNER, null, ON))
                .expectException(forbidden(SUBMITTED, START_IMPLEMENTATION))
                .expectNoEvents();
    }

    @Test
    void an_implementation_is_not_started_twice() {
        fixture.given(historyReaching(IN_IMPLEMENTATION))
                .when(new StartImplementation(PROPOSAL_ID, OWNER, null, ON))
                .expectException(forbidden(IN_IMPLEMENTATION, START_IMPLEMENTATION))
                .expectNoEvents();
    }

    // --- progress

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 50, 99, 100})
    void progress_from_0_to_100_percent_is_reported(int percent) {
        fixture.given(historyReaching(IN_IMPLEMENTATION))
                .when(new ReportProgress(PROPOSAL_ID, percent, "Formation des médiateurs en cours.", ON))
                .expectEvents(new ImplementationProgressed(PROPOSAL_ID, percent, "Formation des médiateurs en cours.",
                        ON))
                .expectResultMessagePayload(5L);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void the_progress_note_is_optional(String note) {
        fixture.given(historyReaching(IN_IMPLEMENTATION))
                .when(new ReportProgress(PROPOSAL_ID, 30, note, ON))
                .expectEvents(new ImplementationProgressed(PROPOSAL_ID, 30, null, ON));
    }

    @Test
    void progress_is_reported_again_and_again() {
        fixture.given(raised(), discussed(), submitted(), validated(), implementationStarted(), progressed())
                .when(new ReportProgress(PROPOSAL_ID, 80, null, ON))
                .expectEvents(new ImplementationProgressed(PROPOSAL_ID, 80, null, ON))
                .expectResultMessagePayload(6L);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 101, -100, 1000, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void progress_outside_0_to_100_percent_is_refused(int percent) {
        fixture.given(historyReaching(IN_IMPLEMENTATION))
                .when(new ReportProgress(PROPOSAL_ID, percent, null, ON))
                .expectException(invalidInput("percent"))
                .expectNoEvents();
    }

    @Test
    void progress_is_not_reported_before_the_implementation_starts() {
        fixture.given(historyReaching(VALIDATED))
                .when(new ReportProgress(PROPOSAL_ID, 10, null, ON))
                .expectException(forbidden(VALIDATED, REPORT_PROGRESS))
                .expectNoEvents();
    }

    // --- completion

    @Test
    void an_implementation_under_way_is_completed_with_its_outcome() {
        fixture.given(historyReaching(IN_IMPLEMENTATION))
                .when(new CompleteImplementation(PROPOSAL_ID, OUTCOME, ON))
                .expectEvents(new ImplementationCompleted(PROPOSAL_ID, OUTCOME, ON))
                .expectResultMessagePayload(5L);
    }

    @Test
    void an_implementation_is_completed_after_progress_reports() {
        fixture.given(raised(), discussed(), submitted(), validated(), implementationStarted(), progressed())
                .when(new CompleteImplementation(PROPOSAL_ID, "\n" + OUTCOME + " ", ON))
                .expectEvents(new ImplementationCompleted(PROPOSAL_ID, OUTCOME, ON))
                .expectResultMessagePayload(6L);
    }

    @Test
    void a_quick_win_is_completed_directly_once_validated() {
        fixture.given(historyReaching(VALIDATED))
                .when(new CompleteImplementation(PROPOSAL_ID, "Nouveaux horaires d'ouverture du poste de police.", ON))
                .expectEvents(new ImplementationCompleted(PROPOSAL_ID,
                        "Nouveaux horaires d'ouverture du poste de police.", ON))
                .expectResultMessagePayload(4L);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\n"})
    void a_completion_needs_an_outcome(String outcome) {
        fixture.given(historyReaching(IN_IMPLEMENTATION))
                .when(new CompleteImplementation(PROPOSAL_ID, outcome, ON))
                .expectException(invalidInput("outcome"))
                .expectNoEvents();
    }

    @Test
    void an_implemented_proposal_is_final() {
        fixture.given(historyReaching(IMPLEMENTED))
                .when(new ReportProgress(PROPOSAL_ID, 100, null, ProposalFixtures.TODAY))
                .expectException(forbidden(IMPLEMENTED, REPORT_PROGRESS))
                .expectNoEvents();
    }

    @Test
    void an_implemented_proposal_is_not_completed_twice() {
        fixture.given(historyReaching(IMPLEMENTED))
                .when(new CompleteImplementation(PROPOSAL_ID, OUTCOME, ProposalFixtures.TODAY))
                .expectException(forbidden(IMPLEMENTED, COMPLETE))
                .expectNoEvents();
    }
}
