package fr.gasp.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gasp.platform.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A query side deployed after the command side has recorded events (or started on the demo
 * data) reads every one of them as a first reading: the read models and the audit chain both
 * cover the whole store, none of it is skipped as if it were a replay.
 */
class LateQuerySideTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_query_side_started_on_a_store_that_holds_events_reads_and_chains_them_all() throws Exception {
        Map<String, String> environment = GaspService.environment(TestDatabase.create());
        try (AppProcess commandSide = AppProcess.start("command-side-first", "gasp.commandSideJar", environment)) {
            commandSide.awaitHealthy(AppProcess.STARTUP);
            String gasp = post(commandSide, "/api/gasps", "{\"name\":\"GASP d'avant\",\"communes\":[\"Escaupont\"]}");
            String group = post(commandSide, "/api/groups",
                    "{\"gaspId\":\"" + gasp + "\",\"kind\":\"AGENTS\",\"name\":\"Agents\"}");
            post(commandSide, "/api/proposals", "{\"raisedByGroupId\":\"" + group
                    + "\",\"title\":\"Guide\",\"description\":\"d\",\"themes\":[\"t\"]}");

            try (AppProcess querySide = AppProcess.start("query-side-later", "gasp.querySideJar", environment)) {
                querySide.awaitHealthy(AppProcess.STARTUP);
                JsonNode verify = null;
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (System.nanoTime() < deadline) {
                    verify = get(querySide, "/api/audit/verify", "auditor");
                    if (verify.get("checked").asInt() == 3) {
                        break;
                    }
                    Thread.sleep(100);
                }
                assertThat(verify.get("checked").asInt()).isEqualTo(3);
                assertThat(verify.get("valid").asBoolean()).isTrue();
                assertThat(get(querySide, "/api/audit", "auditor").get("total").asInt()).isEqualTo(3);
                assertThat(get(querySide, "/api/proposals?gaspId=" + gasp, "elected").get("total").asInt()).isEqualTo(1);
            }
        }
    }

    private static String post(AppProcess app, String path, String body) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Content-Type", "application/json").header("Authorization", basic("secretariat"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return JSON.readTree(answer.body()).get("id").asText();
    }

    private static JsonNode get(AppProcess app, String path, String user) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Authorization", basic(user)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }
}
