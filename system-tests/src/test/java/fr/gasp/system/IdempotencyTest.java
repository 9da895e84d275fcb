package fr.gasp.system;

import fr.gasp.platform.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Idempotency-Key} on the real PostgreSQL, through both processes (api.md: "the same
 * key with the same body returns the first answer and records nothing new; with a different
 * body, 422"): a retry gets the first answer, status, body and Location alike; keys outlive
 * the process that kept them; requests with one key arriving together record once.
 */
@ExtendWith(BothApps.class)
class IdempotencyTest {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private GaspService service;
    private Organisation gasp;

    record Answer(int status, String contentType, String location, boolean replayed, String body) {
    }

    @BeforeEach
    void setUp(GaspService service) throws Exception {
        this.service = service;
        this.gasp = Organisation.create(service, "GASP des reprises");
    }

    @Test
    void a_retry_with_the_same_key_gets_the_first_answer_and_records_nothing_new() throws Exception {
        String key = UUID.randomUUID().toString();
        Answer first = raise(service.commandSide.baseUrl(), key, "Guide des services");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        long events = events();

        Answer retry = raise(service.commandSide.baseUrl(), key, "Guide des services");
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.location()).isEqualTo(first.location()).startsWith("/api/proposals/");
        assertThat(retry.replayed()).isTrue();
        assertThat(events()).isEqualTo(events);

        Answer other = raise(service.commandSide.baseUrl(), key, "Un autre guide");
        assertThat(other.status()).as(other.toString()).isEqualTo(422);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(events()).isEqualTo(events);
    }

    @Test
    void only_a_success_is_kept_so_a_refused_request_can_be_corrected_under_its_key() throws Exception {
        String key = UUID.randomUUID().toString();
        long events = events();
        Answer refused = raise(service.commandSide.baseUrl(), key, "");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(events()).isEqualTo(events);
        assertThat(keys()).doesNotContain(key);
        assertThat(raise(service.commandSide.baseUrl(), key, "Corrigé").status()).isEqualTo(201);
        assertThat(keys()).contains(key);
    }

    @Test
    void a_blank_key_or_one_longer_than_200_characters_is_400() throws Exception {
        long events = events();
        for (String key : List.of("", "   ", "k".repeat(201))) {
            Answer answer = raise(service.commandSide.baseUrl(), key, "Clé invalide");
            assertThat(answer.status()).as(key + " -> " + answer).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body()).contains("Idempotency-Key");
        }
        assertThat(events()).isEqualTo(events);
        assertThat(raise(service.commandSide.baseUrl(), "k".repeat(199) + UUID.randomUUID().toString().charAt(0),
                "Clé de 200").status()).isEqualTo(201);
    }

    @Test
    void eight_clients_sending_one_key_at_once_record_one_proposal() throws Exception {
        String key = UUID.randomUUID().toString();
        long events = events();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(clients.submit(() -> raise(service.commandSide.baseUrl(), key, "Ensemble")));
            }
            Set<String> bodies = new HashSet<>();
            for (Future<Answer> answer : answers) {
                Answer done = answer.get();
                assertThat(done.status()).as(done.toString()).isEqualTo(201);
                bodies.add(done.body());
            }
            assertThat(bodies).hasSize(1);
        } finally {
            clients.shutdownNow();
        }
        assertThat(events()).isEqualTo(events + 1);
    }

    /** Kept in PostgreSQL: another command-side process, as after a restart, answers the same. */
    @Test
    void keys_outlive_the_process_that_kept_them() throws Exception {
        String key = UUID.randomUUID().toString();
        Answer first = raise(service.commandSide.baseUrl(), key, "Avant le redémarrage");
        assertThat(first.status()).isEqualTo(201);
        long events = events();

        Map<String, String> environment = new HashMap<>();
        TestDatabase.springProperties(service.databaseUrl).forEach((name, value) ->
                environment.put(name.toUpperCase().replace('.', '_').replace('-', '_'), value.toString()));
        try (AppProcess restarted = AppProcess.start("command-side-restarted", "gasp.commandSideJar", environment)) {
            restarted.awaitHealthy(AppProcess.STARTUP);
            Answer retry = raise(restarted.baseUrl(), key, "Avant le redémarrage");
            assertThat(retry.status()).isEqualTo(201);
            assertThat(retry.body()).isEqualTo(first.body());
            assertThat(retry.location()).isEqualTo(first.location());
            assertThat(retry.replayed()).isTrue();
            assertThat(raise(restarted.baseUrl(), key, "Après le redémarrage").status()).isEqualTo(422);
        }
        assertThat(events()).isEqualTo(events);
    }

    private Answer raise(String base, String key, String title) throws Exception {
        String body = "{\"raisedByGroupId\":\"" + gasp.agentsGroupId() + "\",\"title\":\"" + title + "\","
                + "\"description\":\"Reprise\",\"themes\":[\"accueil\"],\"occurredOn\":\"2001-03-01\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/proposals"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("secretariat:secretariat".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Location").orElse(null),
                response.headers().firstValue("Idempotent-Replayed").isPresent(), response.body());
    }

    private long events() throws Exception {
        try (Connection connection = TestDatabase.connect(service.databaseUrl);
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT count(*) FROM domain_event_entry")) {
            count.next();
            return count.getLong(1);
        }
    }

    private Set<String> keys() throws Exception {
        Set<String> keys = new HashSet<>();
        try (Connection connection = TestDatabase.connect(service.databaseUrl);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT idempotency_key FROM idempotency_record")) {
            while (rows.next()) {
                keys.add(rows.getString(1));
            }
        }
        return keys;
    }
}
