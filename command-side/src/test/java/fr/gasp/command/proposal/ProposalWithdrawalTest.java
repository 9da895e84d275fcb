package fr.gasp.command.proposal;

import fr.gasp.events.proposal.ProposalStatus;
import fr.gasp.events.proposal.ProposalWithdrawn;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.List;

import static fr.gasp.command.proposal.ProposalFixtures.PROPOSAL_ID;
import static fr.gasp.command.proposal.ProposalFixtures.REASON;
import static fr.gasp.command.proposal.ProposalFixtures.forbidden;
import static fr.gasp.command.proposal.ProposalFixtures.historyReaching;
import static fr.gasp.command.proposal.ProposalFixtures.invalidInput;
import static fr.gasp.command.proposal.ProposalFixtures.proposalFixture;
import static fr.gasp.events.proposal.ProposalAction.WITHDRAW;

/** domain.md: "withdraw: by the raising group, with a reason, before a final decision." WITHDRAWN is final. */
class ProposalWithdrawalTest {

    private static final LocalDate ON = LocalDate.of(2002, 6, 14);

    private FixtureConfiguration<Proposal> fixture;

    @BeforeEach
    void setUp() {
        fixture = proposalFixture();
    }

    @ParameterizedTest
    @EnumSource(value = ProposalStatus.class, names = {"RAISED", "DISCUSSED", "SUBMITTED", "UNDER_STUDY"})
    void the_raising_group_withdraws_its_proposal_before_a_final_decision(ProposalStatus status) {
        List<Object> history = historyReaching(status);
        fixture.given(history)
                .when(new WithdrawProposal(PROPOSAL_ID, REASON, ON))
                .expectEvents(new ProposalWithdrawn(PROPOSAL_ID, REASON, ON))
                .expectResultMessagePayload((long) history.size());
    }

    @Test
    void the_reason_is_recorded_without_surrounding_blanks() {
        fixture.given(historyReaching(ProposalStatus.RAISED))
                .when(new WithdrawProposal(PROPOSAL_ID, "\t" + REASON + "  ", ON))
                .expectEvents(new ProposalWithdrawn(PROPOSAL_ID, REASON, ON));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\n\t"})
    void a_withdrawal_needs_a_reason(String reason) {
        fixture.given(historyReaching(ProposalStatus.DISCUSSED))
                .when(new WithdrawProposal(PROPOSAL_ID, reason, ON))
                .expectException(invalidInput("reason"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(value = ProposalStatus.class, names = {"VALIDATED", "IN_IMPLEMENTATION", "REJECTED", "IMPLEMENTED"})
    void a_proposal_is_no_longer_withdrawn_once_the_referents_have_decided(ProposalStatus status) {
        fixture.given(historyReaching(status))
                .when(new WithdrawProposal(PROPOSAL_ID, REASON, ON))
                .expectException(forbidden(status, WITHDRAW))
                .expectNoEvents();
    }

    @Test
    void a_withdrawn_proposal_is_not_withdrawn_again() {
        fixture.given(historyReaching(ProposalStatus.WITHDRAWN))
                .when(new WithdrawProposal(PROPOSAL_ID, REASON, ON))
                .expectException(forbidden(ProposalStatus.WITHDRAWN, WITHDRAW))
                .expectNoEvents();
    }
}
