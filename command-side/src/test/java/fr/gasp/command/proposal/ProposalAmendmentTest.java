package fr.gasp.command.proposal;

import fr.gasp.events.proposal.ProposalAmended;
import fr.gasp.events.proposal.ProposalStatus;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static fr.gasp.command.proposal.ProposalFixtures.PROPOSAL_ID;
import static fr.gasp.command.proposal.ProposalFixtures.forbidden;
import static fr.gasp.command.proposal.ProposalFixtures.historyReaching;
import static fr.gasp.command.proposal.ProposalFixtures.invalidInput;
import static fr.gasp.command.proposal.ProposalFixtures.proposalFixture;
import static fr.gasp.command.proposal.ProposalFixtures.raised;
import static fr.gasp.events.proposal.ProposalAction.AMEND;

/** domain.md: "amend (title, description, themes): while RAISED, DISCUSSED or UNDER_STUDY." */
class ProposalAmendmentTest {

    private static final LocalDate ON = LocalDate.of(2002, 6, 6);
    private static final String NEW_TITLE = "Un guide des services publics en deux éditions";
    private static final String NEW_DESCRIPTION = "Une édition pour les agents, une pour les usagers.";
    private static final List<String> NEW_THEMES = List.of("connaissance entre services", "vie associative");

    private FixtureConfiguration<Proposal> fixture;

    @BeforeEach
    void setUp() {
        fixture = proposalFixture();
    }

    private static AmendProposal amend(String title, String description, List<String> themes) {
        return new AmendProposal(PROPOSAL_ID, title, description, themes, ON);
    }

    @ParameterizedTest
    @EnumSource(value = ProposalStatus.class, names = {"RAISED", "DISCUSSED", "UNDER_STUDY"})
    void a_proposal_is_amended_while_its_status_allows_it(ProposalStatus status) {
        List<Object> history = historyReaching(status);
        fixture.given(history)
                .when(amend(NEW_TITLE, NEW_DESCRIPTION, NEW_THEMES))
                .expectEvents(new ProposalAmended(PROPOSAL_ID, NEW_TITLE, NEW_DESCRIPTION, NEW_THEMES, ON))
                .expectResultMessagePayload((long) history.size());
    }

    @Test
    void a_raised_proposal_gets_a_new_title() {
        fixture.given(raised())
                .when(amend(NEW_TITLE, null, null))
                .expectEvents(new ProposalAmended(PROPOSAL_ID, NEW_TITLE, null, null, ON))
                .expectResultMessagePayload(1L);
    }

    @Test
    void only_the_description_is_changed_when_only_it_is_given() {
        fixture.given(historyReaching(ProposalStatus.DISCUSSED))
                .when(amend(null, NEW_DESCRIPTION, null))
                .expectEvents(new ProposalAmended(PROPOSAL_ID, null, NEW_DESCRIPTION, null, ON))
                .expectResultMessagePayload(2L);
    }

    @Test
    void only_the_themes_are_changed_when_only_they_are_given_once_each_in_the_given_order() {
        fixture.given(historyReaching(ProposalStatus.UNDER_STUDY))
                .when(amend(null, null, List.of(" logement", "insécurité", "logement ", " ")))
                .expectEvents(new ProposalAmended(PROPOSAL_ID, null, null, List.of("logement", "insécurité"), ON))
                .expectResultMessagePayload(4L);
    }

    @Test
    void amended_texts_are_recorded_without_surrounding_blanks() {
        fixture.given(raised())
                .when(amend(" " + NEW_TITLE + "\t", "\n" + NEW_DESCRIPTION, null))
                .expectEvents(new ProposalAmended(PROPOSAL_ID, NEW_TITLE, NEW_DESCRIPTION, null, ON));
    }

    @Test
    void an_amendment_with_nothing_to_change_is_refused() {
        fixture.given(raised())
                .when(amend(null, null, null))
                .expectException(invalidInput("title"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n"})
    void an_amended_title_cannot_be_blank(String title) {
        fixture.given(raised())
                .when(amend(title, NEW_DESCRIPTION, null))
                .expectException(invalidInput("title"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n"})
    void an_amended_description_cannot_be_blank(String description) {
        fixture.given(raised())
                .when(amend(NEW_TITLE, description, null))
                .expectException(invalidInput("description"))
                .expectNoEvents();
    }

    @Test
    void amended_themes_cannot_be_an_empty_list() {
        fixture.given(raised())
                .when(amend(null, null, List.of()))
                .expectException(invalidInput("themes"))
                .expectNoEvents();
    }

    @Test
    void amended_themes_cannot_all_be_blank() {
        fixture.given(raised())
                .when(amend(NEW_TITLE, null, Arrays.asList(" ", null, "")))
                .expectException(invalidInput("themes"))
                .expectNoEvents();
    }

    @Test
    void a_submitted_proposal_is_no_longer_amended_while_the_referents_consider_it() {
        fixture.given(historyReaching(ProposalStatus.SUBMITTED))
                .when(amend(NEW_TITLE, null, null))
                .expectException(forbidden(ProposalStatus.SUBMITTED, AMEND))
                .expectNoEvents();
    }

    @Test
    void a_validated_proposal_is_no_longer_amended() {
        fixture.given(historyReaching(ProposalStatus.VALIDATED))
                .when(amend(NEW_TITLE, null, null))
                .expectException(forbidden(ProposalStatus.VALIDATED, AMEND))
                .expectNoEvents();
    }
}
