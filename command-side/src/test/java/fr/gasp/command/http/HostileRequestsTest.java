package fr.gasp.command.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command side's HTTP edge on its embedded default (H2 in PostgreSQL mode), as a client
 * meets it through a real Tomcat: limits and strict reading of bodies, problem+json for what
 * Tomcat and the firewall refuse, and {@code Idempotency-Key}. Each case here was either
 * found by the fuzz test (system-tests' CommandFuzzTest), which named it in the comment, or
 * is one of the limits the README lists. A refused request never records anything.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:hostile;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "gasp.demo-users=true", "gasp.demo-data=false"})
class HostileRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private String gaspId;

    @BeforeEach
    void aGasp() throws Exception {
        gaspId = post("/api/gasps", "{\"name\":\"GASP hostile\",\"communes\":[\"Escaupont\"],\"occurredOn\":\"2001-01-01\"}")
                .json().get("id").asText();
    }

    // --- what the fuzz test found

    /** Found by the fuzz test: Spring failed on a wildcard Content-Type with a 500. */
    @ParameterizedTest
    @ValueSource(strings = {"*/*", "application/*", "application/json; charset=klingon", "application/"})
    void a_content_type_that_cannot_be_read_is_415(String contentType) throws Exception {
        assertRefused(send("POST", "/api/gasps", "{\"name\":\"G\",\"communes\":[\"A\"]}", contentType, null, null), 415);
    }

    /**
     * Found by the fuzz test: a U+0000 in a member's name was a 500 (PostgreSQL refuses it in
     * the registry), and in a GASP's name it was recorded, after which the query side stopped
     * on that event for ever.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "name       | {\"name\":\"a\\u0000b\",\"communes\":[\"A\"]}",
            "name       | {\"name\":\"\\u001b[31mrouge\",\"communes\":[\"A\"]}",
            "communes[0]| {\"name\":\"G\",\"communes\":[\"x\\ud800y\"]}",
            "communes[0]| {\"name\":\"G\",\"communes\":[\"\\udc00\"]}"})
    void a_control_character_or_a_lone_surrogate_in_a_text_is_400(String field, String body) throws Exception {
        long events = events();
        Answer answer = post("/api/gasps", body);
        assertRefused(answer, 400);
        assertThat(events()).isEqualTo(events);
        assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo(field);
    }

    @Test
    void a_member_name_with_a_nul_is_400_and_the_registry_is_untouched() throws Exception {
        String group = post("/api/groups", "{\"gaspId\":\"" + gaspId + "\",\"kind\":\"AGENTS\",\"name\":\"Agents\"}")
                .json().get("id").asText();
        long members = jdbc.sql("SELECT count(*) FROM member_registry").query(Long.class).single();
        assertRefused(post("/api/groups/" + group + "/members", "{\"displayName\":\"Mme\\u0000X\"}"), 400);
        assertThat(jdbc.sql("SELECT count(*) FROM member_registry").query(Long.class).single()).isEqualTo(members);
    }

    /** Text, line breaks and any printable Unicode, accents and emoji included, are welcome. */
    @Test
    void tabs_line_breaks_and_emoji_are_fine() throws Exception {
        assertThat(post("/api/gasps", "{\"name\":\"Escaut\\t\\r\\n🙂 é\",\"communes\":[\"A\"]}").status()).isEqualTo(201);
    }

    /**
     * Found by the fuzz test: with an Accept header the answer cannot satisfy, the command was
     * recorded and then the client was told 406.
     */
    @ParameterizedTest
    @ValueSource(strings = {"text/html", "application/xml", "garbage"})
    void an_answer_the_client_cannot_accept_is_406_before_anything_is_recorded(String accept) throws Exception {
        long events = events();
        assertRefused(send("POST", "/api/gasps", "{\"name\":\"G\",\"communes\":[\"A\"]}", "application/json", accept, null),
                406);
        assertThat(events()).isEqualTo(events);
    }

    /** Found by the fuzz test: Spring Security's firewall answered with Spring Boot's error JSON. */
    @ParameterizedTest
    @ValueSource(strings = {"/api/proposals/a;b=c/withdrawal", "/api/proposals/%25/withdrawal",
            "/api/proposals/%2e%2e/withdrawal", "/api/proposals/../withdrawal"})
    void an_address_the_firewall_refuses_is_a_problem(String path) throws Exception {
        assertRefused(post(path, "{\"reason\":\"x\"}"), 400);
    }

    /** Found by the fuzz test: Tomcat answered an HTML page. */
    @ParameterizedTest
    @ValueSource(strings = {"/api/proposals/%2F/withdrawal", "/api/proposals/%00/withdrawal"})
    void an_address_tomcat_refuses_is_a_problem(String path) throws Exception {
        assertRefused(post(path, "{\"reason\":\"x\"}"), 400);
    }

    /**
     * Found by the fuzz test (some of them): bodies Jackson used to read leniently, making of
     * them something the client did not send.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "duplicate key              | /api/gasps  | {\"name\":\"G\",\"name\":\"H\",\"communes\":[\"A\"]}",
            "trailing garbage           | /api/gasps  | {\"name\":\"G\",\"communes\":[\"A\"]} x",
            "two bodies                 | /api/gasps  | {\"name\":\"G\",\"communes\":[\"A\"]}{}",
            "number for a text          | /api/gasps  | {\"name\":12,\"communes\":[\"A\"]}",
            "boolean for a text         | /api/gasps  | {\"name\":true,\"communes\":[\"A\"]}",
            "text for a number          | /api/gasps  | {\"name\":\"G\",\"communes\":[\"A\"],\"cadence\":{\"agentsMeetings\":\"3\",\"usersMeetings\":1,\"referentsSessions\":1,\"jointMeetings\":1}}",
            "decimal for an integer     | /api/gasps  | {\"name\":\"G\",\"communes\":[\"A\"],\"cadence\":{\"agentsMeetings\":3.5,\"usersMeetings\":1,\"referentsSessions\":1,\"jointMeetings\":1}}",
            "1e30                       | /api/gasps  | {\"name\":\"G\",\"communes\":[\"A\"],\"cadence\":{\"agentsMeetings\":1e30,\"usersMeetings\":1,\"referentsSessions\":1,\"jointMeetings\":1}}",
            "beyond an int              | /api/gasps  | {\"name\":\"G\",\"communes\":[\"A\"],\"cadence\":{\"agentsMeetings\":99999999999999999999,\"usersMeetings\":1,\"referentsSessions\":1,\"jointMeetings\":1}}",
            "a single text for a list   | /api/gasps  | {\"name\":\"G\",\"communes\":\"A\"}",
            "a null in a list           | /api/gasps  | {\"name\":\"G\",\"communes\":[null]}",
            "enum by position           | /api/groups | {\"gaspId\":\"00000000-0000-0000-0000-000000000001\",\"kind\":0,\"name\":\"x\"}",
            "unknown enum value         | /api/groups | {\"gaspId\":\"00000000-0000-0000-0000-000000000001\",\"kind\":\"agents\",\"name\":\"x\"}",
            "empty string for an id     | /api/groups | {\"gaspId\":\"\",\"kind\":\"AGENTS\",\"name\":\"x\"}",
            "not an id                  | /api/groups | {\"gaspId\":\"pas-un-uuid\",\"kind\":\"AGENTS\",\"name\":\"x\"}",
            "impossible date            | /api/gasps  | {\"name\":\"G\",\"communes\":[\"A\"],\"occurredOn\":\"2001-02-30\"}",
            "date before 1900           | /api/gasps  | {\"name\":\"G\",\"communes\":[\"A\"],\"occurredOn\":\"-999999999-01-01\"}",
            "head count of a town       | /api/meetings | {\"gaspId\":\"00000000-0000-0000-0000-000000000001\",\"kind\":\"JOINT\",\"attendeeCount\":2000000000}",
            "a null attendee            | /api/meetings | {\"gaspId\":\"00000000-0000-0000-0000-000000000001\",\"kind\":\"JOINT\",\"attendeeIds\":[null]}",
            "nesting                    | /api/gasps  | [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
            "not JSON                   | /api/gasps  | {name:'G'}",
            "empty                      | /api/gasps  | EMPTY"})
    void bodies_are_read_strictly(String what, String path, String body) throws Exception {
        long events = events();
        assertRefused(post(path, body.equals("EMPTY") ? "" : body), 400);
        assertThat(events()).isEqualTo(events);
    }

    // --- limits

    @Test
    void a_body_over_512_kib_is_413_whether_announced_or_chunked() throws Exception {
        String huge = "{\"name\":\"" + "a".repeat(600 * 1024) + "\",\"communes\":[\"A\"]}";
        assertRefused(post("/api/gasps", huge), 413);
        HttpRequest chunked = request("secretariat", "/api/gasps", "application/json", null, null)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() ->
                        new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8)))).build();
        assertRefused(answer(chunked), 413);
    }

    @Test
    void minutes_of_100000_accented_characters_fit_in_the_limit() throws Exception {
        String meeting = post("/api/meetings", "{\"gaspId\":\"" + gaspId + "\",\"kind\":\"JOINT\",\"occurredOn\":\"2001-01-02\"}")
                .json().get("id").asText();
        Answer minutes = send("PUT", "/api/meetings/" + meeting + "/minutes",
                "{\"text\":\"" + "€".repeat(100_000) + "\"}", "application/json", null, null);
        assertThat(minutes.status()).as(minutes.toString()).isEqualTo(200);
    }

    @Test
    void a_missing_body_is_400_and_a_form_415() throws Exception {
        assertRefused(send("POST", "/api/gasps", null, null, null, null), 400);
        assertRefused(send("POST", "/api/gasps", null, "application/json", null, null), 400);
        assertRefused(send("POST", "/api/gasps", "name=G", "application/x-www-form-urlencoded", null, null), 415);
    }

    // --- Idempotency-Key

    @Test
    void the_same_key_and_body_get_the_first_answer_and_nothing_new_is_recorded() throws Exception {
        String body = "{\"gaspId\":\"" + gaspId + "\",\"kind\":\"USERS\",\"name\":\"Usagers\"}";
        Answer first = send("POST", "/api/groups", body, "application/json", null, "cle-groupe-1");
        assertThat(first.status()).isEqualTo(201);
        long events = events();
        Answer again = send("POST", "/api/groups", body, "application/json", null, "cle-groupe-1");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.text()).isEqualTo(first.text());
        assertThat(again.location()).isEqualTo(first.location()).isNotNull();
        assertThat(again.replayed()).isTrue();
        assertThat(events()).isEqualTo(events);

        Answer other = send("POST", "/api/groups", body.replace("Usagers", "Autres"), "application/json", null,
                "cle-groupe-1");
        assertRefused(other, 422);
        assertThat(events()).isEqualTo(events);
    }

    @Test
    void a_put_replayed_records_no_new_version_of_the_minutes() throws Exception {
        String meeting = post("/api/meetings", "{\"gaspId\":\"" + gaspId + "\",\"kind\":\"JOINT\",\"occurredOn\":\"2001-01-02\"}")
                .json().get("id").asText();
        String path = "/api/meetings/" + meeting + "/minutes";
        Answer first = send("PUT", path, "{\"text\":\"Compte rendu\"}", "application/json", null, "cr-1");
        Answer again = send("PUT", path, "{\"text\":\"Compte rendu\"}", "application/json", null, "cr-1");
        assertThat(first.json().get("version").asLong()).isEqualTo(1);
        assertThat(again.json().get("version").asLong()).isEqualTo(1);
        assertThat(send("PUT", path, "{\"text\":\"Compte rendu\"}", "application/json", null, "cr-2")
                .json().get("version").asLong()).isEqualTo(2);
    }

    @Test
    void only_successes_are_kept_so_a_refused_request_may_be_corrected_under_the_same_key() throws Exception {
        assertRefused(send("POST", "/api/groups", "{\"gaspId\":\"" + gaspId + "\",\"kind\":\"USERS\",\"name\":\"\"}",
                "application/json", null, "corrige-moi"), 400);
        assertThat(send("POST", "/api/groups", "{\"gaspId\":\"" + gaspId + "\",\"kind\":\"USERS\",\"name\":\"U\"}",
                "application/json", null, "corrige-moi").status()).isEqualTo(201);
    }

    @Test
    void a_key_is_per_user() throws Exception {
        String body = "{\"gaspId\":\"" + gaspId + "\",\"kind\":\"USERS\",\"name\":\"Usagers\"}";
        Answer bySecretariat = send("POST", "/api/groups", body, "application/json", null, "partagee");
        Answer byAdmin = send("admin", "POST", "/api/groups", body, "application/json", null, "partagee");
        assertThat(byAdmin.status()).isEqualTo(201);
        assertThat(byAdmin.json().get("id")).isNotEqualTo(bySecretariat.json().get("id"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "tab\there"})
    void a_blank_key_or_one_with_a_control_character_is_400(String key) throws Exception {
        Answer answer = send("POST", "/api/gasps", "{\"name\":\"G\",\"communes\":[\"A\"]}", "application/json", null, key);
        assertRefused(answer, 400);
        assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");
    }

    @Test
    void a_key_of_200_characters_is_fine_and_201_is_400() throws Exception {
        String body = "{\"name\":\"G\",\"communes\":[\"A\"]}";
        assertThat(send("POST", "/api/gasps", body, "application/json", null, "k".repeat(200)).status()).isEqualTo(201);
        assertRefused(send("POST", "/api/gasps", body, "application/json", null, "k".repeat(201)), 400);
    }

    @Test
    void the_same_key_sent_eight_times_at_once_records_once() throws Exception {
        String body = "{\"gaspId\":\"" + gaspId + "\",\"kind\":\"AGENTS\",\"name\":\"En même temps\"}";
        long events = events();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Callable<Answer> call = () -> send("POST", "/api/groups", body, "application/json", null, "ensemble");
                answers.add(pool.submit(call));
            }
            Set<String> ids = new HashSet<>();
            for (Future<Answer> answer : answers) {
                Answer done = answer.get();
                if (done.status() == 201) {
                    ids.add(done.json().get("id").asText());
                } else {
                    assertRefused(done, 409);
                }
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(events()).isEqualTo(events + 1);
    }

    // --- plumbing

    record Answer(int status, String contentType, String location, boolean replayed, String text) {

        JsonNode json() throws Exception {
            return JSON.readTree(text);
        }
    }

    private long events() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }

    private Answer post(String path, String body) throws Exception {
        return send("POST", path, body, "application/json", null, null);
    }

    private Answer send(String method, String path, String body, String contentType, String accept, String key)
            throws Exception {
        return send("secretariat", method, path, body, contentType, accept, key);
    }

    private Answer send(String user, String method, String path, String body, String contentType, String accept,
                        String key) throws Exception {
        HttpRequest.Builder request = request(user, path, contentType, accept, key)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return answer(request.build());
    }

    private HttpRequest.Builder request(String user, String path, String contentType, String accept, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request;
    }

    private Answer answer(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Location").orElse(null),
                response.headers().firstValue("Idempotent-Replayed").isPresent(), response.body());
    }

    /** A refusal: problem+json with its status, a title and a detail, and nothing recorded. */
    private void assertRefused(Answer answer, int status) throws Exception {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
    }
}
