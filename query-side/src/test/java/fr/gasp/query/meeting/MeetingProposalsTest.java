package fr.gasp.query.meeting;

import com.fasterxml.jackson.databind.JsonNode;
import fr.gasp.query.testing.QuerySideIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

import static fr.gasp.events.meeting.MeetingKind.GROUP;
import static fr.gasp.events.meeting.MeetingKind.JOINT;
import static fr.gasp.events.meeting.MeetingKind.REFERENTS_SESSION;
import static fr.gasp.events.organisation.GroupKind.AGENTS;
import static fr.gasp.events.organisation.GroupKind.REFERENTS;
import static fr.gasp.events.organisation.GroupKind.USERS;
import static fr.gasp.query.testing.Json.texts;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A meeting lists the proposals it raised, discussed, submitted, decided on and presented,
 * each under its current title.
 */
class MeetingProposalsTest extends QuerySideIntegrationTest {

    private UUID gasp;
    private UUID agents;
    private UUID users;
    private UUID referents;

    @Test
    void each_meeting_lists_what_it_did_with_which_proposal() {
        organisation();
        UUID agentsMeeting = given.meeting(gasp, GROUP, agents, LocalDate.of(2010, 2, 2), 12);
        UUID usersMeeting = given.meeting(gasp, GROUP, users, LocalDate.of(2010, 3, 3), 9);
        UUID agentsAgain = given.meeting(gasp, GROUP, agents, LocalDate.of(2010, 4, 4), 10);
        UUID session = given.meeting(gasp, REFERENTS_SESSION, referents, LocalDate.of(2010, 5, 5), 5);
        UUID guide = given.raise(gasp, agents, agentsMeeting, "Guide des services", LocalDate.of(2010, 2, 2));
        UUID form = given.raise(gasp, agents, agentsMeeting, "Formulaire de plainte", LocalDate.of(2010, 2, 2));
        UUID hours = given.raise(gasp, users, null, "Horaires de la police", LocalDate.of(2010, 2, 10));
        given.discuss(guide, users, usersMeeting, LocalDate.of(2010, 3, 3));
        given.discuss(form, agents, agentsAgain, LocalDate.of(2010, 4, 4));
        given.discuss(hours, users, usersMeeting, LocalDate.of(2010, 3, 3));
        given.submit(guide, agentsAgain, LocalDate.of(2010, 4, 4));
        given.submit(form, agentsAgain, LocalDate.of(2010, 4, 4));
        given.submit(hours, null, LocalDate.of(2010, 4, 20));
        given.validate(guide, session, LocalDate.of(2010, 5, 5));
        given.putUnderStudy(form, session, LocalDate.of(2010, 5, 5));
        given.reject(hours, session, LocalDate.of(2010, 5, 5));
        given.amendTitle(form, "Formulaire de plainte simplifié", LocalDate.of(2010, 5, 20));
        given.awaitReadModel();

        JsonNode raisedThere = api.read("/api/meetings/" + agentsMeeting).get("proposals");
        assertThat(texts(raisedThere.get("raised"), "proposalId")).containsExactlyInAnyOrder(
                guide.toString(), form.toString());
        assertThat(texts(raisedThere.get("raised"), "title")).containsExactly(
                "Formulaire de plainte simplifié", "Guide des services");
        assertThat(raisedThere.get("discussed")).isEmpty();
        assertThat(raisedThere.get("submitted")).isEmpty();
        assertThat(raisedThere.get("decided")).isEmpty();
        assertThat(raisedThere.get("presented")).isEmpty();

        JsonNode usersSide = api.read("/api/meetings/" + usersMeeting).get("proposals");
        assertThat(usersSide.get("raised")).isEmpty();
        assertThat(texts(usersSide.get("discussed"), "title")).containsExactly(
                "Guide des services", "Horaires de la police");

        JsonNode again = api.read("/api/meetings/" + agentsAgain).get("proposals");
        assertThat(texts(again.get("discussed"), "proposalId")).containsExactly(form.toString());
        assertThat(texts(again.get("submitted"), "title")).containsExactly(
                "Formulaire de plainte simplifié", "Guide des services");

        JsonNode decided = api.read("/api/meetings/" + session).get("proposals").get("decided");
        assertThat(texts(decided, "proposalId")).containsExactly(form.toString(), guide.toString(), hours.toString());
        assertThat(texts(decided, "outcome")).containsExactly("UNDER_STUDY", "VALIDATED", "REJECTED");
        assertThat(texts(decided, "title")).containsExactly(
                "Formulaire de plainte simplifié", "Guide des services", "Horaires de la police");
    }

    @Test
    void a_joint_meeting_lists_what_it_presented_once_whichever_side_recorded_it() {
        organisation();
        UUID agentsMeeting = given.meeting(gasp, GROUP, agents, LocalDate.of(2011, 2, 2), 12);
        UUID guide = given.raise(gasp, agents, agentsMeeting, "Guide des services", LocalDate.of(2011, 2, 2));
        UUID mediator = given.raise(gasp, agents, agentsMeeting, "Médiateur administratif", LocalDate.of(2011, 2, 2));
        UUID district = given.raise(gasp, users, null, "Régie de quartier", LocalDate.of(2011, 2, 3));
        UUID joint = given.meeting(gasp, JOINT, null, LocalDate.of(2011, 12, 1), 45);
        given.restitution(joint, LocalDate.of(2011, 12, 1), guide, mediator);
        given.present(guide, joint, LocalDate.of(2011, 12, 1));
        given.present(district, joint, LocalDate.of(2011, 12, 1));
        given.awaitReadModel();

        JsonNode presented = api.read("/api/meetings/" + joint).get("proposals").get("presented");

        assertThat(texts(presented, "proposalId")).containsExactly(
                guide.toString(), mediator.toString(), district.toString());
        assertThat(texts(presented, "title")).containsExactly(
                "Guide des services", "Médiateur administratif", "Régie de quartier");
    }

    private void organisation() {
        gasp = given.gasp("GASP des propositions", LocalDate.of(2010, 1, 1), "Escaupont");
        agents = given.group(gasp, AGENTS, "Agents", LocalDate.of(2010, 1, 2));
        users = given.group(gasp, USERS, "Usagers", LocalDate.of(2010, 1, 2));
        referents = given.group(gasp, REFERENTS, "Référents", LocalDate.of(2010, 1, 2));
    }
}
