package fr.gasp.command.proposal;

import fr.gasp.events.proposal.ProposalRaised;
import fr.gasp.platform.problem.NotFoundException;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;

import static fr.gasp.command.proposal.ProposalFixtures.AGENTS_ID;
import static fr.gasp.command.proposal.ProposalFixtures.AGENTS_MEETING_ID;
import static fr.gasp.command.proposal.ProposalFixtures.DESCRIPTION;
import static fr.gasp.command.proposal.ProposalFixtures.GASP_ID;
import static fr.gasp.command.proposal.ProposalFixtures.OTHER_GASP_AGENTS_ID;
import static fr.gasp.command.proposal.ProposalFixtures.OTHER_GASP_AGENTS_MEETING_ID;
import static fr.gasp.command.proposal.ProposalFixtures.OTHER_GASP_ID;
import static fr.gasp.command.proposal.ProposalFixtures.PROPOSAL_ID;
import static fr.gasp.command.proposal.ProposalFixtures.RAISED_ON;
import static fr.gasp.command.proposal.ProposalFixtures.REFERENTS_ID;
import static fr.gasp.command.proposal.ProposalFixtures.THEMES;
import static fr.gasp.command.proposal.ProposalFixtures.TITLE;
import static fr.gasp.command.proposal.ProposalFixtures.UNKNOWN_GROUP_ID;
import static fr.gasp.command.proposal.ProposalFixtures.USERS_ID;
import static fr.gasp.command.proposal.ProposalFixtures.USERS_MEETING_ID;
import static fr.gasp.command.proposal.ProposalFixtures.USERS_MEETING_ON;
import static fr.gasp.command.proposal.ProposalFixtures.invalidInput;
import static fr.gasp.command.proposal.ProposalFixtures.proposalFixture;
import static fr.gasp.command.proposal.ProposalFixtures.raised;

/** domain.md: "raise: by a group of kind AGENTS or USERS, usually at one of its meetings, with one or more themes." */
class ProposalRaisingTest {

    private FixtureConfiguration<Proposal> fixture;

    @BeforeEach
    void setUp() {
        fixture = proposalFixture();
    }

    private static RaiseProposal raise(java.util.UUID groupId, String title, String description, List<String> themes) {
        return new RaiseProposal(PROPOSAL_ID, groupId, AGENTS_MEETING_ID, title, description, themes, RAISED_ON);
    }

    @Test
    void the_agents_group_raises_a_proposal_in_its_own_gasp() {
        fixture.givenNoPriorActivity()
                .when(raise(AGENTS_ID, TITLE, DESCRIPTION, THEMES))
                .expectEvents(raised())
                .expectResultMessagePayload(0L);
    }

    @Test
    void the_users_group_raises_a_proposal_too() {
        fixture.givenNoPriorActivity()
                .when(new RaiseProposal(PROPOSAL_ID, USERS_ID, USERS_MEETING_ID, TITLE, DESCRIPTION,
                        List.of("insécurité", "vie associative"), USERS_MEETING_ON))
                .expectEvents(new ProposalRaised(PROPOSAL_ID, GASP_ID, USERS_ID, USERS_MEETING_ID, TITLE, DESCRIPTION,
                        List.of("insécurité", "vie associative"), USERS_MEETING_ON))
                .expectResultMessagePayload(0L);
    }

    @Test
    void the_proposal_belongs_to_the_gasp_of_the_raising_group() {
        fixture.givenNoPriorActivity()
                .when(new RaiseProposal(PROPOSAL_ID, OTHER_GASP_AGENTS_ID, OTHER_GASP_AGENTS_MEETING_ID, TITLE,
                        DESCRIPTION, THEMES, RAISED_ON))
                .expectEvents(new ProposalRaised(PROPOSAL_ID, OTHER_GASP_ID, OTHER_GASP_AGENTS_ID,
                        OTHER_GASP_AGENTS_MEETING_ID, TITLE, DESCRIPTION, THEMES, RAISED_ON));
    }

    @Test
    void a_proposal_may_be_raised_outside_any_meeting() {
        fixture.givenNoPriorActivity()
                .when(new RaiseProposal(PROPOSAL_ID, AGENTS_ID, null, TITLE, DESCRIPTION, THEMES, RAISED_ON))
                .expectEvents(new ProposalRaised(PROPOSAL_ID, GASP_ID, AGENTS_ID, null, TITLE, DESCRIPTION, THEMES,
                        RAISED_ON));
    }

    @Test
    void texts_are_recorded_without_surrounding_blanks_and_themes_once_each_in_the_given_order() {
        fixture.givenNoPriorActivity()
                .when(raise(AGENTS_ID, "  " + TITLE + "\n", "\t" + DESCRIPTION + " ",
                        Arrays.asList(" logement ", "insécurité", "", null, "logement", "  ")))
                .expectEvents(new ProposalRaised(PROPOSAL_ID, GASP_ID, AGENTS_ID, AGENTS_MEETING_ID, TITLE, DESCRIPTION,
                        List.of("logement", "insécurité"), RAISED_ON));
    }

    @Test
    void the_referents_group_cannot_raise_a_proposal() {
        fixture.givenNoPriorActivity()
                .when(raise(REFERENTS_ID, TITLE, DESCRIPTION, THEMES))
                .expectException(invalidInput("raisedByGroupId"))
                .expectNoEvents();
    }

    @Test
    void an_unknown_group_cannot_raise_a_proposal() {
        fixture.givenNoPriorActivity()
                .when(raise(UNKNOWN_GROUP_ID, TITLE, DESCRIPTION, THEMES))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void a_proposal_needs_a_title(String title) {
        fixture.givenNoPriorActivity()
                .when(raise(AGENTS_ID, title, DESCRIPTION, THEMES))
                .expectException(invalidInput("title"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void a_proposal_needs_a_description(String description) {
        fixture.givenNoPriorActivity()
                .when(raise(AGENTS_ID, TITLE, description, THEMES))
                .expectException(invalidInput("description"))
                .expectNoEvents();
    }

    @Test
    void a_proposal_needs_themes() {
        fixture.givenNoPriorActivity()
                .when(raise(AGENTS_ID, TITLE, DESCRIPTION, null))
                .expectException(invalidInput("themes"))
                .expectNoEvents();
    }

    @Test
    void a_proposal_needs_at_least_one_theme() {
        fixture.givenNoPriorActivity()
                .when(raise(AGENTS_ID, TITLE, DESCRIPTION, List.of()))
                .expectException(invalidInput("themes"))
                .expectNoEvents();
    }

    @Test
    void blank_themes_do_not_count_as_themes() {
        fixture.givenNoPriorActivity()
                .when(raise(AGENTS_ID, TITLE, DESCRIPTION, List.of(" ", "")))
                .expectException(invalidInput("themes"))
                .expectNoEvents();
    }
}
