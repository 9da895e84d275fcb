package fr.gasp.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard, the annual report (JSON and CSV) and as-of reads agree with a count made
 * by hand from the steps recorded below, including a proposal raised in 2000 and
 * implemented in 2001. Figures count steps by business date; the GASP is created on
 * 1 June 2000, so 2000 owes 214/366 of the yearly meetings.
 *
 * <pre>
 * P1 agents "connaissance des services": raised 2000-09-14, discussed 09-19, submitted 10-12, validated 11-20,
 *    presented 12-08; started 2001-01-15, completed 2001-09-20, presented 2001-12-14
 * P2 users "insécurité": raised 2000-09-19, discussed 10-12, submitted 11-06, rejected 11-20
 * P3 agents "insécurité": raised 2001-01-11, discussed 01-11, submitted 02-01, under study 05-21, presented 12-14
 * P4 users "insécurité": raised 2001-03-20, withdrawn 04-02
 * P5 users "logement": raised 2000-12-01, discussed 2001-03-20, submitted 2001-04-10 (waits for referents)
 * </pre>
 */
@ExtendWith(BothApps.class)
class AnnualFiguresTest {

    private GaspService service;
    private Organisation gasp;
    private String p1;
    private String p3;
    private String p5;
    private String joint2000;

    @BeforeEach
    void record(GaspService service) throws Exception {
        this.service = service;
        gasp = Organisation.create(service, "GASP des chiffres");
        String agents2000a = meeting("GROUP", gasp.agentsGroupId(), "2000-09-14");
        String agents2000b = meeting("GROUP", gasp.agentsGroupId(), "2000-10-12");
        String agents2001 = meeting("GROUP", gasp.agentsGroupId(), "2001-01-11");
        String users2000 = meeting("GROUP", gasp.usersGroupId(), "2000-09-19");
        String users2001 = meeting("GROUP", gasp.usersGroupId(), "2001-03-20");
        String session2000 = meeting("REFERENTS_SESSION", gasp.referentsGroupId(), "2000-11-20");
        String session2001 = meeting("REFERENTS_SESSION", gasp.referentsGroupId(), "2001-05-21");
        joint2000 = meeting("JOINT", null, "2000-12-08");
        String joint2001 = meeting("JOINT", null, "2001-12-14");

        p1 = raise(gasp.agentsGroupId(), agents2000a, "Guide des services", "connaissance des services", null);
        step("secretariat", p1, "discussions", "{\"groupId\":\"" + gasp.usersGroupId() + "\",\"meetingId\":\"" + users2000 + "\",\"summary\":\"s\"}");
        step("secretariat", p1, "submission", "{\"meetingId\":\"" + agents2000b + "\"}");
        step("referent", p1, "decision", "{\"outcome\":\"VALIDATED\",\"meetingId\":\"" + session2000 + "\"}");
        present(joint2000, p1);
        step("secretariat", p1, "implementation", "{\"owner\":\"Mairie\",\"occurredOn\":\"2001-01-15\"}");
        step("secretariat", p1, "implementation/completion", "{\"outcome\":\"Guide publié\",\"occurredOn\":\"2001-09-20\"}");

        String p2 = raise(gasp.usersGroupId(), users2000, "Horaires de police", "insécurité", null);
        step("secretariat", p2, "discussions", "{\"groupId\":\"" + gasp.agentsGroupId() + "\",\"meetingId\":\"" + agents2000b + "\",\"summary\":\"s\"}");
        step("secretariat", p2, "submission", "{\"occurredOn\":\"2000-11-06\"}");
        step("referent", p2, "decision", "{\"outcome\":\"REJECTED\",\"rationale\":\"Hors compétence\",\"meetingId\":\"" + session2000 + "\"}");

        p5 = raise(gasp.usersGroupId(), null, "Logements vacants", "logement", "2000-12-01");
        step("secretariat", p5, "discussions", "{\"groupId\":\"" + gasp.usersGroupId() + "\",\"meetingId\":\"" + users2001 + "\",\"summary\":\"s\"}");
        step("secretariat", p5, "submission", "{\"occurredOn\":\"2001-04-10\"}");

        p3 = raise(gasp.agentsGroupId(), agents2001, "Médiateurs", "insécurité", null);
        step("secretariat", p3, "discussions", "{\"groupId\":\"" + gasp.agentsGroupId() + "\",\"meetingId\":\"" + agents2001 + "\",\"summary\":\"s\"}");
        step("secretariat", p3, "submission", "{\"occurredOn\":\"2001-02-01\"}");
        step("referent", p3, "decision", "{\"outcome\":\"UNDER_STUDY\",\"rationale\":\"Chiffrer la formation\",\"meetingId\":\"" + session2001 + "\"}");

        String p4 = raise(gasp.usersGroupId(), users2001, "Éclairage du parc", "insécurité", null);
        step("secretariat", p4, "withdrawal", "{\"reason\":\"Fait par la commune\",\"occurredOn\":\"2001-04-02\"}");
        long lastVersion = present(joint2001, p1, p3);
        // Read-your-writes on the last proposal written, so every earlier event is in the read models too.
        GaspService.Answer caughtUp = service.read("elected", "/api/proposals/" + p3 + "?minVersion=" + lastVersion);
        assertThat(caughtUp.status()).as("read-your-writes before the figures: " + caughtUp).isEqualTo(200);
    }

    @Test
    void the_2000_report_counts_by_business_date() throws Exception {
        JsonNode report = read("/api/reports/annual/2000?gaspId=" + gasp.gaspId());
        assertCounts(report.get("proposals"), 3, 2, 2, 1, 1, 0, 0, 0);
        assertThat(report.get("sharedThemes")).isEmpty();
        assertThat(report.get("decisions")).extracting(d -> d.get("outcome").asText() + " " + d.get("decidedOn").asText())
                .containsExactlyInAnyOrder("REJECTED 2000-11-20", "VALIDATED 2000-11-20");
        for (JsonNode decision : report.get("decisions")) {
            if (decision.get("outcome").asText().equals("REJECTED")) {
                assertThat(decision.get("rationale").asText()).isEqualTo("Hors compétence");
            }
        }
        assertThat(report.get("achievements")).isEmpty();
        assertThat(report.get("jointMeetings")).hasSize(1);
        assertThat(report.get("jointMeetings").get(0).get("presented").findValuesAsText("proposalId")).containsExactly(p1);
        // 214 of 366 days: agents 12 → 7, users 4 → 2, referents 2 → 1.
        assertThat(groupLine(report, "AGENTS")).isEqualTo("2/7");
        assertThat(groupLine(report, "USERS")).isEqualTo("1/2");
        assertThat(groupLine(report, "REFERENTS")).isEqualTo("1/1");
    }

    @Test
    void the_2001_report_counts_the_proposal_raised_in_2000_as_implemented_in_2001() throws Exception {
        JsonNode report = read("/api/reports/annual/2001?gaspId=" + gasp.gaspId());
        assertCounts(report.get("proposals"), 2, 2, 2, 0, 0, 1, 1, 1);
        assertThat(report.get("sharedThemes")).extracting(JsonNode::asText).containsExactly("insécurité");
        assertThat(report.get("achievements")).hasSize(1);
        assertThat(report.get("achievements").get(0).get("proposalId").asText()).isEqualTo(p1);
        assertThat(report.get("achievements").get(0).get("completedOn").asText()).isEqualTo("2001-09-20");
        assertThat(report.get("achievements").get(0).get("outcome").asText()).isEqualTo("Guide publié");
        assertThat(report.get("underStudy")).hasSize(1);
        assertThat(report.get("underStudy").get(0).get("rationale").asText()).isEqualTo("Chiffrer la formation");
        assertThat(report.get("decisions")).hasSize(1);
        assertThat(groupLine(report, "AGENTS")).isEqualTo("1/12");
        assertThat(groupLine(report, "USERS")).isEqualTo("1/4");
        assertThat(report.get("jointMeetings").get(0).get("presented").findValuesAsText("proposalId"))
                .containsExactlyInAnyOrder(p1, p3);
    }

    @Test
    void the_csv_has_one_row_per_proposal_active_that_year() throws Exception {
        List<String> rows = csvRows("/api/reports/annual/2001.csv?gaspId=" + gasp.gaspId());
        assertThat(rows.get(0)).startsWith("\uFEFFidentifiant,titre,groupe");
        assertThat(rows).hasSize(1 + 4);
        assertThat(String.join("\n", rows)).contains(p1, p3, p5).doesNotContain("Horaires de police");
        assertThat(rows.stream().filter(row -> row.startsWith(p1)).findFirst().orElseThrow())
                .contains("IMPLEMENTED", "2001-09-20", "Guide publié");
        assertThat(csvRows("/api/reports/annual/2000.csv?gaspId=" + gasp.gaspId())).hasSize(1 + 3);
    }

    @Test
    void the_dashboard_shows_where_things_stand_now_and_on_any_date() throws Exception {
        JsonNode now = read("/api/dashboard?gaspId=" + gasp.gaspId());
        assertThat(statusCounts(now)).isEqualTo("IMPLEMENTED=1 REJECTED=1 SUBMITTED=1 UNDER_STUDY=1 WITHDRAWN=1");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        assertThat(now.get("awaitingReferents")).hasSize(1);
        assertThat(now.get("awaitingReferents").get(0).get("proposalId").asText()).isEqualTo(p5);
        assertThat(now.get("awaitingReferents").get(0).get("daysWaiting").asLong())
                .isEqualTo(ChronoUnit.DAYS.between(LocalDate.of(2001, 4, 10), today));
        // Raised to first decision: 67, 62 and 130 days; validation to completion: 304 days.
        assertThat(now.get("leadTimes").get("medianDaysRaisedToDecision").asDouble()).isEqualTo(67.0);
        assertThat(now.get("leadTimes").get("medianDaysDecisionToImplemented").asDouble()).isEqualTo(304.0);
        assertThat(now.get("implementationRate").asDouble()).isEqualTo(1.0);
        assertThat(line(now.get("byGroup"), "kind", "AGENTS")).isEqualTo("2/1/1");
        assertThat(line(now.get("byGroup"), "kind", "USERS")).isEqualTo("3/0/0");
        assertThat(line(now.get("byTheme"), "theme", "insécurité")).isEqualTo("3/0/0");
        assertThat(line(now.get("byTheme"), "theme", "connaissance des services")).isEqualTo("1/1/1");
        assertThat(now.get("trend")).extracting(y -> y.get("year").asInt() + ":" + y.get("raised").asInt() + "/"
                + y.get("validated").asInt() + "/" + y.get("implemented").asInt())
                .containsExactly("2000:3/1/0", "2001:2/0/1");

        JsonNode midYear = read("/api/dashboard?gaspId=" + gasp.gaspId() + "&asOf=2001-06-30");
        assertThat(statusCounts(midYear))
                .isEqualTo("IN_IMPLEMENTATION=1 REJECTED=1 SUBMITTED=1 UNDER_STUDY=1 WITHDRAWN=1");
        assertThat(midYear.get("awaitingReferents").get(0).get("daysWaiting").asLong()).isEqualTo(81);

        JsonNode year2000 = read("/api/dashboard?gaspId=" + gasp.gaspId() + "&year=2000");
        assertThat(statusCounts(year2000)).isEqualTo("RAISED=1 REJECTED=1 VALIDATED=1");
        assertThat(year2000.get("awaitingReferents")).isEmpty();
        assertThat(year2000.get("totals").get("raised").asInt()).isEqualTo(3);
        assertThat(year2000.get("meetings")).extracting(m -> m.get("kind").asText() + " " + m.get("held").asInt()
                + "/" + m.get("expected").asInt())
                .containsExactlyInAnyOrder("GROUP 2/7", "GROUP 1/2", "REFERENTS_SESSION 1/1", "JOINT 1/1");
    }

    @Test
    void a_proposal_read_as_of_a_date_is_rebuilt_from_its_events() throws Exception {
        JsonNode endOf2000 = read("/api/proposals/" + p1 + "?asOf=2000-12-31");
        assertThat(endOf2000.get("status").asText()).isEqualTo("VALIDATED");
        assertThat(endOf2000.get("version").asInt()).isEqualTo(4);
        assertThat(endOf2000.get("implementation").isNull()).isTrue();
        assertThat(endOf2000.get("presentations")).hasSize(1);
        JsonNode endOf2001 = read("/api/proposals/" + p1 + "?asOf=2001-12-31");
        assertThat(endOf2001.get("status").asText()).isEqualTo("IMPLEMENTED");
        assertThat(endOf2001.get("implementation").get("outcome").asText()).isEqualTo("Guide publié");
        assertThat(service.read("elected", "/api/proposals/" + p1 + "?asOf=2000-01-01").status()).isEqualTo(404);

        JsonNode listed = read("/api/proposals?gaspId=" + gasp.gaspId() + "&asOf=2000-12-31");
        assertThat(listed.get("total").asInt()).isEqualTo(3);
        assertThat(read("/api/proposals?gaspId=" + gasp.gaspId() + "&asOf=2000-12-31&status=RAISED")
                .get("items").findValuesAsText("id")).containsExactly(p5);
        assertThat(service.read("elected", "/api/dashboard?gaspId=" + gasp.gaspId() + "&asOf=2999-01-01").status())
                .isEqualTo(400);
    }

    private JsonNode read(String path) throws Exception {
        GaspService.Answer answer = service.read("elected", path);
        assertThat(answer.status()).as(path + " → " + answer).isEqualTo(200);
        return answer.body();
    }

    private List<String> csvRows(String path) throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(service.querySide.baseUrl() + path))
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                                .encodeToString("elected:elected".getBytes(StandardCharsets.UTF_8))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        return List.of(response.body().split("\r\n"));
    }

    private static void assertCounts(JsonNode counts, int raised, int discussed, int submitted, int validated,
                                     int rejected, int underStudy, int implemented, int withdrawn) {
        assertThat(List.of(counts.get("raised").asInt(), counts.get("discussed").asInt(), counts.get("submitted").asInt(),
                counts.get("validated").asInt(), counts.get("rejected").asInt(), counts.get("underStudy").asInt(),
                counts.get("implemented").asInt(), counts.get("withdrawn").asInt()))
                .containsExactly(raised, discussed, submitted, validated, rejected, underStudy, implemented, withdrawn);
    }

    private static String statusCounts(JsonNode dashboard) {
        List<String> nonZero = new ArrayList<>();
        dashboard.get("countsByStatus").fields().forEachRemaining(entry -> {
            if (entry.getValue().asInt() > 0) {
                nonZero.add(entry.getKey() + "=" + entry.getValue().asInt());
            }
        });
        nonZero.sort(String::compareTo);
        return String.join(" ", nonZero);
    }

    private static String groupLine(JsonNode report, String kind) {
        for (JsonNode group : report.get("groups")) {
            if (group.get("kind").asText().equals(kind)) {
                return group.get("meetingsHeld").asInt() + "/" + group.get("meetingsExpected").asInt();
            }
        }
        throw new AssertionError("no group " + kind);
    }

    private static String line(JsonNode lines, String key, String value) {
        for (JsonNode line : lines) {
            if (line.get(key).asText().equals(value)) {
                return line.get("raised").asInt() + "/" + line.get("validated").asInt() + "/"
                        + line.get("implemented").asInt();
            }
        }
        throw new AssertionError("no line " + key + "=" + value + " in " + lines);
    }

    private String meeting(String kind, String groupId, String on) throws Exception {
        GaspService.Answer held = service.command("secretariat", "POST", "/api/meetings",
                "{\"gaspId\":\"" + gasp.gaspId() + "\",\"kind\":\"" + kind + "\""
                        + (groupId == null ? "" : ",\"groupId\":\"" + groupId + "\"") + ",\"occurredOn\":\"" + on + "\"}");
        assertThat(held.status()).as(held.toString()).isEqualTo(201);
        return held.id();
    }

    private String raise(String groupId, String meetingId, String title, String theme, String on) throws Exception {
        GaspService.Answer raised = service.command("secretariat", "POST", "/api/proposals",
                "{\"raisedByGroupId\":\"" + groupId + "\"" + (meetingId == null ? "" : ",\"meetingId\":\"" + meetingId + "\"")
                        + ",\"title\":\"" + title + "\",\"description\":\"d\",\"themes\":[\"" + theme + "\"]"
                        + (on == null ? "" : ",\"occurredOn\":\"" + on + "\"") + "}");
        assertThat(raised.status()).as(raised.toString()).isEqualTo(201);
        return raised.id();
    }

    private void step(String user, String id, String action, String body) throws Exception {
        GaspService.Answer answer = service.command(user, "POST", "/api/proposals/" + id + "/" + action, body);
        assertThat(answer.status()).as(action + " → " + answer).isEqualTo(200);
    }

    /** Answers the version of the last proposal presented. */
    private long present(String meetingId, String... proposalIds) throws Exception {
        GaspService.Answer answer = service.command("secretariat", "POST", "/api/meetings/" + meetingId + "/restitution",
                "{\"proposalIds\":[\"" + String.join("\",\"", proposalIds) + "\"]}");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode presented = answer.body().get("presented");
        return presented.get(presented.size() - 1).get("version").asLong();
    }
}
