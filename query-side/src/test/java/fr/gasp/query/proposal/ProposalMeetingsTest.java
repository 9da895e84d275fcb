package fr.gasp.query.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gasp.query.proposal.ProposalViews.Detail;
import fr.gasp.query.proposal.ProposalViews.HistoryEntry;
import fr.gasp.query.testing.QuerySideIntegrationTest;
import fr.gasp.query.testing.StatementCount;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
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
 * A proposal's detail and history name the meeting at which each step happened, each read
 * with one statement call (one round trip, docs/adr/0019).
 */
class ProposalMeetingsTest extends QuerySideIntegrationTest {

    @Autowired
    private DataSource dataSource;

    @Autowired
    private ObjectMapper json;

    @Test
    void detail_and_history_name_the_meeting_of_each_step() {
        EveryKindOfStep steps = proposalThroughEveryKindOfStep();
        UUID proposal = steps.proposal();
        UUID agents = steps.agents();
        UUID users = steps.users();
        UUID referents = steps.referents();
        UUID raisedAt = steps.raisedAt();
        UUID discussedAt = steps.discussedAt();
        UUID session = steps.session();
        UUID joint = steps.joint();
        long presented = steps.presented();

        JsonNode detail = api.read("/api/proposals/" + proposal);
        assertMeeting(detail.get("raisedAt"), raisedAt, "GROUP", "2013-02-05", agents, "Agents");
        assertThat(detail.get("raisedAtMeetingId").asText()).isEqualTo(raisedAt.toString());
        JsonNode discussion = detail.get("discussions").get(0);
        assertThat(discussion.get("meetingId").asText()).isEqualTo(discussedAt.toString());
        assertMeeting(discussion.get("meeting"), discussedAt, "GROUP", "2013-03-06", users, "Usagers");
        JsonNode decision = detail.get("decisions").get(0);
        assertThat(decision.get("outcome").asText()).isEqualTo("VALIDATED");
        assertMeeting(decision.get("meeting"), session, "REFERENTS_SESSION", "2013-05-07", referents, "Référents");
        JsonNode presentations = detail.get("presentations");
        assertThat(presentations).hasSize(1);
        assertMeeting(presentations.get(0).get("meeting"), joint, "JOINT", "2013-12-08", null, null);
        assertThat(presentations.get(0).get("occurredOn").asText()).isEqualTo("2013-12-08");

        JsonNode history = api.read("/api/proposals/" + proposal + "/history");
        assertThat(texts(history, "type")).containsExactly("ProposalRaised", "ProposalDiscussed",
                "ProposalSubmitted", "ProposalValidated", "ProposalPresented");
        assertMeeting(history.get(0).get("meeting"), raisedAt, "GROUP", "2013-02-05", agents, "Agents");
        assertThat(history.get(0).get("meetingId").asText()).isEqualTo(raisedAt.toString());
        assertMeeting(history.get(1).get("meeting"), discussedAt, "GROUP", "2013-03-06", users, "Usagers");
        assertThat(history.get(2).get("meeting").isNull()).isTrue();
        assertThat(history.get(2).get("meetingId").isNull()).isTrue();
        assertMeeting(history.get(3).get("meeting"), session, "REFERENTS_SESSION", "2013-05-07", referents,
                "Référents");
        assertMeeting(history.get(4).get("meeting"), joint, "JOINT", "2013-12-08", null, null);
        assertThat(history.get(4).get("version").asLong()).isEqualTo(presented);
    }

    @Test
    void a_presentation_keeps_the_status_but_moves_the_version_and_the_last_date() {
        UUID gasp = given.gasp("GASP de la restitution", LocalDate.of(2014, 1, 1), "Escaupont");
        UUID agents = given.group(gasp, AGENTS, "Agents", LocalDate.of(2014, 1, 2));
        UUID users = given.group(gasp, USERS, "Usagers", LocalDate.of(2014, 1, 2));
        UUID joint = given.meeting(gasp, JOINT, null, LocalDate.of(2014, 11, 20), 35);
        UUID proposal = given.raise(gasp, agents, null, "Médiateur administratif", LocalDate.of(2014, 2, 1));
        given.discuss(proposal, users, null, LocalDate.of(2014, 3, 1));
        long presented = given.present(proposal, joint, LocalDate.of(2014, 11, 20));
        given.awaitReadModel();

        JsonNode detail = api.read("/api/proposals/" + proposal + "?minVersion=" + presented);

        assertThat(detail.get("status").asText()).isEqualTo("DISCUSSED");
        assertThat(detail.get("version").asLong()).isEqualTo(presented);
        assertThat(detail.get("lastOccurredOn").asText()).isEqualTo("2014-11-20");
        assertThat(detail.get("raisedAt").isNull()).isTrue();
        assertThat(detail.get("discussions").get(0).get("meeting").isNull()).isTrue();
        assertThat(texts(detail.get("presentations"), "meetingId")).containsExactly(joint.toString());
    }

    @Test
    void a_meeting_the_read_model_does_not_know_keeps_its_id_without_a_name() {
        UUID gasp = given.gasp("GASP incomplet", LocalDate.of(2015, 1, 1), "Escaupont");
        UUID agents = given.group(gasp, AGENTS, "Agents", LocalDate.of(2015, 1, 2));
        UUID unknownMeeting = UUID.randomUUID();
        UUID proposal = given.raise(gasp, agents, unknownMeeting, "Guide", LocalDate.of(2015, 2, 1));
        given.awaitReadModel();

        JsonNode detail = api.read("/api/proposals/" + proposal);
        JsonNode entry = api.read("/api/proposals/" + proposal + "/history").get(0);

        assertThat(detail.get("raisedAtMeetingId").asText()).isEqualTo(unknownMeeting.toString());
        assertThat(detail.get("raisedAt").isNull()).isTrue();
        assertThat(entry.get("meetingId").asText()).isEqualTo(unknownMeeting.toString());
        assertThat(entry.get("meeting").isNull()).isTrue();
    }

    @Test
    void the_detail_is_one_statement_call_whatever_the_steps_and_so_is_the_history() {
        EveryKindOfStep steps = proposalThroughEveryKindOfStep();
        StatementCount count = new StatementCount(dataSource);

        Optional<Detail> detail = new ProposalDetails(count.jdbc()).of(steps.proposal());
        assertThat(count.statements()).isEqualTo(1);
        assertThat(detail).get().satisfies(read -> {
            assertThat(read.themes()).containsExactly("vie du quartier");
            assertThat(read.raisedAt().id()).isEqualTo(steps.raisedAt());
            assertThat(read.discussions()).singleElement()
                    .satisfies(discussion -> assertThat(discussion.meeting().id()).isEqualTo(steps.discussedAt()));
            assertThat(read.decisions()).singleElement()
                    .satisfies(decision -> assertThat(decision.meeting().id()).isEqualTo(steps.session()));
            assertThat(read.presentations()).singleElement()
                    .satisfies(presentation -> assertThat(presentation.meeting().id()).isEqualTo(steps.joint()));
        });

        assertThat(new ProposalDetails(count.jdbc()).of(UUID.randomUUID())).isEmpty();
        assertThat(count.statements()).isEqualTo(2);

        List<HistoryEntry> history = new ProposalQueries(count.jdbc(), json).history(steps.proposal());
        assertThat(count.statements()).isEqualTo(3);
        assertThat(history).hasSize(5);
        assertThat(history.get(4).meeting().id()).isEqualTo(steps.joint());
    }

    private record EveryKindOfStep(UUID proposal, UUID agents, UUID users, UUID referents, UUID raisedAt,
                                   UUID discussedAt, UUID session, UUID joint, long presented) {
    }

    /** Raised, discussed, submitted, validated and presented, each at a meeting but the submission. */
    private EveryKindOfStep proposalThroughEveryKindOfStep() {
        UUID gasp = given.gasp("GASP des étapes", LocalDate.of(2013, 1, 1), "Escaupont");
        UUID agents = given.group(gasp, AGENTS, "Agents", LocalDate.of(2013, 1, 2));
        UUID users = given.group(gasp, USERS, "Usagers", LocalDate.of(2013, 1, 2));
        UUID referents = given.group(gasp, REFERENTS, "Référents", LocalDate.of(2013, 1, 2));
        UUID raisedAt = given.meeting(gasp, GROUP, agents, LocalDate.of(2013, 2, 5), 12);
        UUID discussedAt = given.meeting(gasp, GROUP, users, LocalDate.of(2013, 3, 6), 8);
        UUID session = given.meeting(gasp, REFERENTS_SESSION, referents, LocalDate.of(2013, 5, 7), 5);
        UUID joint = given.meeting(gasp, JOINT, null, LocalDate.of(2013, 12, 8), 40);
        UUID proposal = given.raise(gasp, agents, raisedAt, "Guide des services", LocalDate.of(2013, 2, 5));
        given.discuss(proposal, users, discussedAt, LocalDate.of(2013, 3, 6));
        given.submit(proposal, null, LocalDate.of(2013, 4, 1));
        given.validate(proposal, session, LocalDate.of(2013, 5, 7));
        given.restitution(joint, LocalDate.of(2013, 12, 8), proposal);
        long presented = given.present(proposal, joint, LocalDate.of(2013, 12, 8));
        given.awaitReadModel();
        return new EveryKindOfStep(proposal, agents, users, referents, raisedAt, discussedAt, session, joint,
                presented);
    }

    private static void assertMeeting(JsonNode meeting, UUID id, String kind, String occurredOn, UUID groupId,
                                      String groupName) {
        assertThat(meeting.get("id").asText()).isEqualTo(id.toString());
        assertThat(meeting.get("kind").asText()).isEqualTo(kind);
        assertThat(meeting.get("occurredOn").asText()).isEqualTo(occurredOn);
        if (groupId == null) {
            assertThat(meeting.get("groupId").isNull()).isTrue();
            assertThat(meeting.get("groupName").isNull()).isTrue();
        } else {
            assertThat(meeting.get("groupId").asText()).isEqualTo(groupId.toString());
            assertThat(meeting.get("groupName").asText()).isEqualTo(groupName);
        }
    }
}
