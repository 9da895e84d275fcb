package fr.gasp.system;

import com.fasterxml.jackson.databind.JsonNode;
import fr.gasp.platform.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GASP of the article recorded through the API and read back: three groups, agents of
 * several institutions coming and going, meetings at each group's pace with minutes, the
 * referents' session, and a joint meeting presenting the year's proposals.
 */
@ExtendWith(BothApps.class)
class OrganisationTest {

    @Test
    void the_organisation_of_a_gasp_is_recorded_and_read_back(GaspService service) throws Exception {
        String gaspId = service.command("secretariat", "POST", "/api/gasps",
                "{\"name\":\"GASP d'Escaupont\",\"communes\":[\"Escaupont\",\"Bruay-sur-l'Escaut\"],"
                        + "\"occurredOn\":\"2000-06-01\"}").id();
        String agents = group(service, gaspId, "AGENTS", "Groupe des agents");
        String users = group(service, gaspId, "USERS", "Groupe des usagers");
        String referents = group(service, gaspId, "REFERENTS", "Référents");
        assertThat(service.command("secretariat", "PUT", "/api/gasps/" + gaspId + "/cadence",
                "{\"agentsMeetings\":10,\"usersMeetings\":4,\"referentsSessions\":2,\"jointMeetings\":1}").status())
                .isEqualTo(200);

        String postWorker = member(service, agents, "Mme Postière", "La Poste", "2000-06-15");
        String librarian = member(service, agents, "M. Bibliothécaire", "Bibliothèque municipale", "2000-06-15");
        String pmiNurse = member(service, agents, "Mme Puéricultrice", "PMI", "2000-09-01");
        String resident = member(service, users, "M. Habitant", null, "2000-06-20");
        assertThat(service.command("secretariat", "DELETE", "/api/groups/" + agents + "/members/" + librarian
                + "?occurredOn=2001-01-31", null).status()).isEqualTo(200);

        String agentsMeeting = meeting(service, gaspId, "GROUP", agents, "2000-10-05",
                "[\"" + postWorker + "\",\"" + pmiNurse + "\"]");
        String usersMeeting = meeting(service, gaspId, "GROUP", users, "2000-10-12", "[\"" + resident + "\"]");
        String session = meeting(service, gaspId, "REFERENTS_SESSION", null, "2000-11-20", "[]");
        String joint = meeting(service, gaspId, "JOINT", null, "2000-12-14", "[\"" + resident + "\",\"" + postWorker + "\"]");
        assertThat(service.command("secretariat", "PUT", "/api/meetings/" + agentsMeeting + "/minutes",
                "{\"text\":\"Thème retenu : la connaissance entre services.\"}").version()).isEqualTo(1);
        assertThat(service.command("secretariat", "PUT", "/api/meetings/" + agentsMeeting + "/minutes",
                "{\"text\":\"Thème retenu : la connaissance entre services. Proposition d'un guide.\"}").version())
                .isEqualTo(2);

        String guide = service.command("secretariat", "POST", "/api/proposals",
                "{\"raisedByGroupId\":\"" + agents + "\",\"meetingId\":\"" + agentsMeeting + "\",\"title\":\"Guide\","
                        + "\"description\":\"Un guide des services\",\"themes\":[\"connaissance des services\"]}").id();
        assertThat(service.command("secretariat", "POST", "/api/proposals/" + guide + "/discussions",
                "{\"groupId\":\"" + users + "\",\"meetingId\":\"" + usersMeeting + "\",\"summary\":\"Une édition usagers\"}")
                .status()).isEqualTo(200);
        service.command("secretariat", "POST", "/api/proposals/" + guide + "/submission", "{\"meetingId\":\"" + session + "\"}");
        service.command("referent", "POST", "/api/proposals/" + guide + "/decision",
                "{\"outcome\":\"VALIDATED\",\"meetingId\":\"" + session + "\"}");
        GaspService.Answer restitution = service.command("secretariat", "POST", "/api/meetings/" + joint + "/restitution",
                "{\"proposalIds\":[\"" + guide + "\"]}");
        assertThat(restitution.status()).as(restitution.toString()).isEqualTo(200);
        long guideVersion = restitution.body().get("presented").get(0).get("version").asLong();
        assertThat(guideVersion).isEqualTo(4);

        // The proposal names the meeting of each step, with its date as business date.
        JsonNode history = service.read("auditor", "/api/proposals/" + guide + "/history?minVersion=" + guideVersion).body();
        assertThat(history).extracting(entry -> entry.get("meetingId").asText())
                .containsExactly(agentsMeeting, usersMeeting, session, session, joint);
        assertThat(history).extracting(entry -> entry.get("occurredOn").asText())
                .containsExactly("2000-10-05", "2000-10-12", "2000-11-20", "2000-11-20", "2000-12-14");
        assertThat(history.get(4).get("type").asText()).isEqualTo("ProposalPresented");
        assertThat(history.get(4).get("meeting").get("kind").asText()).isEqualTo("JOINT");
        assertThat(history.get(1).get("meeting").get("groupName").asText()).isEqualTo("Groupe des usagers");
        assertThat(service.read("elected", "/api/proposals/" + guide).body().get("status").asText()).isEqualTo("VALIDATED");

        // Meetings: the year's meetings with the latest minutes, each version kept, and the proposals of each.
        JsonNode meetings = service.readUntil("elected", "/api/meetings?gaspId=" + gaspId + "&year=2000",
                answer -> answer.body().size() == 4 && presented(answer.body(), joint)).body();
        assertThat(meetings).extracting(m -> m.get("kind").asText())
                .containsExactly("GROUP", "GROUP", "REFERENTS_SESSION", "JOINT");
        JsonNode first = meetings.get(0);
        assertThat(first.get("minutes").get("version").asInt()).isEqualTo(2);
        assertThat(first.get("minutes").get("text").asText()).endsWith("Proposition d'un guide.");
        assertThat(first.get("proposals").get("raised").get(0).get("proposalId").asText()).isEqualTo(guide);
        assertThat(first.get("attendees")).extracting(a -> a.get("displayName").asText())
                .containsExactlyInAnyOrder("Mme Postière", "Mme Puéricultrice");
        assertThat(meetings.get(2).get("groupId").asText()).isEqualTo(referents);
        assertThat(meetings.get(2).get("proposals").get("decided").get(0).get("outcome").asText()).isEqualTo("VALIDATED");
        JsonNode minutes = service.read("elected", "/api/meetings/" + agentsMeeting + "/minutes").body();
        assertThat(minutes).extracting(m -> m.get("version").asInt()).containsExactly(1, 2);
        assertThat(service.read("elected", "/api/meetings?gaspId=" + gaspId + "&groupId=" + users).body()).hasSize(1);
        assertThat(service.read("elected", "/api/meetings?gaspId=" + gaspId + "&year=2001").body()).isEmpty();

        // The group: current members and the turn-over of institutions.
        JsonNode group = service.read("elected", "/api/groups/" + agents).body();
        assertThat(group.get("members")).extracting(m -> m.get("institution").asText())
                .containsExactlyInAnyOrder("La Poste", "PMI");
        assertThat(group.get("pastMembers")).hasSize(1);
        assertThat(group.get("pastMembers").get(0).get("institution").asText()).isEqualTo("Bibliothèque municipale");
        assertThat(group.get("pastMembers").get(0).get("leftOn").asText()).isEqualTo("2001-01-31");
        JsonNode gasp = service.read("elected", "/api/gasps/" + gaspId).body();
        assertThat(gasp.get("cadence").get("agentsMeetings").asInt()).isEqualTo(10);
        assertThat(gasp.get("groups")).hasSize(3);

        // Erasure on request: every read shows "membre effacé", and no event ever held a name.
        assertThat(service.command("secretariat", "DELETE", "/api/members/" + postWorker + "/personal-data", null)
                .status()).isEqualTo(403);
        assertThat(service.command("admin", "DELETE", "/api/members/" + postWorker + "/personal-data", null)
                .status()).isEqualTo(200);
        JsonNode erased = service.readUntil("elected", "/api/groups/" + agents,
                answer -> answer.body().get("members").findValuesAsText("displayName").contains("membre effacé")).body();
        assertThat(erased.get("members").findValuesAsText("displayName"))
                .containsExactlyInAnyOrder("membre effacé", "Mme Puéricultrice");
        assertThat(service.read("elected", "/api/meetings/" + joint).body().get("attendees").findValuesAsText("displayName"))
                .containsExactlyInAnyOrder("membre effacé", "M. Habitant");
        assertThat(storedEventText(service)).doesNotContain("Postière", "Bibliothécaire", "Puéricultrice", "Habitant");
    }

    @Test
    void each_meeting_rule_refuses_what_it_should(GaspService service) throws Exception {
        Organisation gasp = Organisation.create(service, "GASP des règles de réunion");
        String agentsMeeting = meeting(service, gasp.gaspId(), "GROUP", gasp.agentsGroupId(), "2001-01-11", "[]");
        String usersMeeting = meeting(service, gasp.gaspId(), "GROUP", gasp.usersGroupId(), "2001-01-18", "[]");
        String session = meeting(service, gasp.gaspId(), "REFERENTS_SESSION", gasp.referentsGroupId(), "2001-03-01", "[]");

        assertRefused(service.command("secretariat", "POST", "/api/proposals",
                "{\"raisedByGroupId\":\"" + gasp.agentsGroupId() + "\",\"meetingId\":\"" + usersMeeting
                        + "\",\"title\":\"t\",\"description\":\"d\",\"themes\":[\"a\"]}"), 400, "meetingId");
        assertRefused(service.command("secretariat", "POST", "/api/proposals",
                "{\"raisedByGroupId\":\"" + gasp.agentsGroupId() + "\",\"meetingId\":\"" + java.util.UUID.randomUUID()
                        + "\",\"title\":\"t\",\"description\":\"d\",\"themes\":[\"a\"]}"), 404, null);
        String id = service.command("secretariat", "POST", "/api/proposals",
                "{\"raisedByGroupId\":\"" + gasp.agentsGroupId() + "\",\"meetingId\":\"" + agentsMeeting
                        + "\",\"title\":\"t\",\"description\":\"d\",\"themes\":[\"a\"]}").id();
        assertRefused(service.command("secretariat", "POST", "/api/proposals/" + id + "/discussions",
                "{\"groupId\":\"" + gasp.agentsGroupId() + "\",\"meetingId\":\"" + usersMeeting + "\",\"summary\":\"s\"}"),
                400, "meetingId");
        assertRefused(service.command("secretariat", "POST", "/api/proposals/" + id + "/discussions",
                "{\"groupId\":\"" + gasp.usersGroupId() + "\",\"meetingId\":\"" + usersMeeting
                        + "\",\"summary\":\"s\",\"occurredOn\":\"2001-01-19\"}"), 400, "occurredOn");
        service.command("secretariat", "POST", "/api/proposals/" + id + "/discussions",
                "{\"groupId\":\"" + gasp.usersGroupId() + "\",\"meetingId\":\"" + usersMeeting + "\",\"summary\":\"s\"}");
        service.command("secretariat", "POST", "/api/proposals/" + id + "/submission", "{}");
        assertRefused(service.command("referent", "POST", "/api/proposals/" + id + "/decision",
                "{\"outcome\":\"VALIDATED\",\"meetingId\":\"" + usersMeeting + "\"}"), 400, "meetingId");
        assertRefused(service.command("secretariat", "POST", "/api/meetings/" + session + "/restitution",
                "{\"proposalIds\":[\"" + id + "\"]}"), 409, null);
        assertRefused(service.command("secretariat", "POST", "/api/meetings",
                "{\"gaspId\":\"" + gasp.gaspId() + "\",\"kind\":\"GROUP\",\"occurredOn\":\"2001-02-01\"}"), 400, "groupId");
        assertRefused(service.command("secretariat", "POST", "/api/meetings",
                "{\"gaspId\":\"" + gasp.gaspId() + "\",\"kind\":\"JOINT\",\"groupId\":\"" + gasp.agentsGroupId()
                        + "\",\"occurredOn\":\"2001-02-01\"}"), 400, "groupId");
        assertRefused(service.command("secretariat", "PUT", "/api/meetings/" + java.util.UUID.randomUUID() + "/minutes",
                "{\"text\":\"x\"}"), 404, null);
        assertRefused(service.command("secretariat", "DELETE", "/api/members/" + java.util.UUID.randomUUID()
                + "/personal-data", null), 403, null);
        assertRefused(service.command("admin", "DELETE", "/api/members/" + java.util.UUID.randomUUID()
                + "/personal-data", null), 404, null);
        // None of the refused steps reached the proposal.
        assertThat(service.read("elected", "/api/proposals/" + id + "/history?minVersion=2").body()).hasSize(3);
    }

    private static boolean presented(JsonNode meetings, String jointId) {
        for (JsonNode meeting : meetings) {
            if (meeting.get("id").asText().equals(jointId)) {
                return meeting.get("proposals").get("presented").size() == 1;
            }
        }
        return false;
    }

    private static void assertRefused(GaspService.Answer answer, int status, String field) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        if (field != null) {
            assertThat(answer.body().get("errors").findValuesAsText("field")).as(answer.toString()).contains(field);
        }
    }

    private static String group(GaspService service, String gaspId, String kind, String name) throws Exception {
        return service.command("secretariat", "POST", "/api/groups",
                "{\"gaspId\":\"" + gaspId + "\",\"kind\":\"" + kind + "\",\"name\":\"" + name
                        + "\",\"occurredOn\":\"2000-06-01\"}").id();
    }

    private static String member(GaspService service, String groupId, String name, String institution, String on)
            throws Exception {
        GaspService.Answer joined = service.command("secretariat", "POST", "/api/groups/" + groupId + "/members",
                "{\"displayName\":\"" + name + "\"" + (institution == null ? "" : ",\"institution\":\"" + institution + "\"")
                        + ",\"role\":\"participant\",\"occurredOn\":\"" + on + "\"}");
        assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
        return joined.id();
    }

    private static String meeting(GaspService service, String gaspId, String kind, String groupId, String on,
                                  String attendees) throws Exception {
        GaspService.Answer held = service.command("secretariat", "POST", "/api/meetings",
                "{\"gaspId\":\"" + gaspId + "\",\"kind\":\"" + kind + "\""
                        + (groupId == null ? "" : ",\"groupId\":\"" + groupId + "\"")
                        + ",\"occurredOn\":\"" + on + "\",\"attendeeCount\":12,\"attendeeIds\":" + attendees + "}");
        assertThat(held.status()).as(held.toString()).isEqualTo(201);
        return held.id();
    }

    private static String storedEventText(GaspService service) throws Exception {
        List<String> texts = new ArrayList<>();
        try (Connection connection = TestDatabase.connect(service.databaseUrl);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT payload, meta_data FROM domain_event_entry")) {
            while (rows.next()) {
                texts.add(new String(rows.getBytes(1), StandardCharsets.UTF_8));
                texts.add(new String(rows.getBytes(2), StandardCharsets.UTF_8));
            }
        }
        assertThat(texts).isNotEmpty();
        return String.join("\n", texts);
    }
}
