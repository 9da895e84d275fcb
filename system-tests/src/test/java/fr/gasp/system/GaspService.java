package fr.gasp.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gasp.platform.testing.TestDatabase;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Both apps on one fresh PostgreSQL database, and an HTTP client that speaks to them as an
 * integrator would.
 */
final class GaspService implements AutoCloseable {

    final String databaseUrl;
    /** Replaced when a test kills an app and starts another on the same database. */
    volatile AppProcess commandSide;
    volatile AppProcess querySide;
    private final Map<String, String> environment;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private GaspService(String databaseUrl, Map<String, String> environment, AppProcess commandSide,
                        AppProcess querySide) {
        this.databaseUrl = databaseUrl;
        this.environment = environment;
        this.commandSide = commandSide;
        this.querySide = querySide;
    }

    static GaspService start() throws Exception {
        return start(Map.of());
    }

    /** Both apps with the test database's settings, then {@code overrides} (environment variables) on top. */
    static GaspService start(Map<String, String> overrides) throws Exception {
        String databaseUrl = TestDatabase.create();
        Map<String, String> environment = environment(databaseUrl);
        environment.putAll(overrides);
        // The query side starts first on purpose: it must wait for the event store to appear.
        AppProcess querySide = AppProcess.start("query-side", "gasp.querySideJar", environment);
        AppProcess commandSide = AppProcess.start("command-side", "gasp.commandSideJar", environment);
        GaspService service = new GaspService(databaseUrl, environment, commandSide, querySide);
        try {
            commandSide.awaitHealthy(AppProcess.STARTUP);
            querySide.awaitHealthy(AppProcess.STARTUP);
        } catch (Exception e) {
            service.close();
            throw e;
        }
        return service;
    }

    /** The environment that points an app at a test database, with the demo accounts on. */
    static Map<String, String> environment(String databaseUrl) {
        Map<String, String> environment = new HashMap<>();
        TestDatabase.springProperties(databaseUrl).forEach((key, value) ->
                environment.put(key.toUpperCase().replace('.', '_').replace('-', '_'), value.toString()));
        return environment;
    }

    /** Ends the query side as {@code kill -9} would; {@link #startQuerySide()} starts another. */
    void killQuerySide() throws InterruptedException {
        querySide.kill();
    }

    /** A new query-side process on the same database, once it is healthy. */
    void startQuerySide() throws Exception {
        querySide = AppProcess.start("query-side-restarted", "gasp.querySideJar", environment);
        querySide.awaitHealthy(AppProcess.STARTUP);
    }

    /** Ends the command side as {@code kill -9} would; {@link #startCommandSide()} starts another. */
    void killCommandSide() throws InterruptedException {
        commandSide.kill();
    }

    /** A new command-side process on the same database, once it is healthy. */
    void startCommandSide() throws Exception {
        commandSide = AppProcess.start("command-side-restarted", "gasp.commandSideJar", environment);
        commandSide.awaitHealthy(AppProcess.STARTUP);
    }

    Answer command(String user, String method, String path, String body) throws Exception {
        return send(user, commandSide.baseUrl(), method, path, body, "application/json");
    }

    Answer send(String user, String base, String method, String path, String body, String contentType)
            throws Exception {
        HttpResponse<String> response = http.send(request(user, base, method, path, body, contentType),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Location").orElse(null),
                response.body().isEmpty() ? null : json.readTree(response.body()));
    }

    /** The raw answer, for callers that only look at the status or whose body is not JSON. */
    HttpResponse<String> sendRaw(String user, String base, String method, String path, String body) throws Exception {
        return http.send(request(user, base, method, path, body, body == null ? null : "application/json"),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(String user, String base, String method, String path, String body,
                                       String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        return request.build();
    }

    Answer read(String user, String path) throws Exception {
        return send(user, querySide.baseUrl(), "GET", path, null, null);
    }

    /**
     * Reads until the answer satisfies a condition, for read models that take no
     * {@code minVersion}; fails after 10 s with the last answer.
     */
    Answer readUntil(String user, String path, java.util.function.Predicate<Answer> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Answer answer = read(user, path);
        while (!condition.test(answer)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("read model never satisfied the condition; last answer: " + answer);
            }
            Thread.sleep(20);
            answer = read(user, path);
        }
        return answer;
    }

    @Override
    public void close() throws InterruptedException {
        commandSide.close();
        querySide.close();
    }

    record Answer(int status, String contentType, String location, JsonNode body) {

        String id() {
            return body.get("id").asText();
        }

        long version() {
            return body.get("version").asLong();
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }
}
