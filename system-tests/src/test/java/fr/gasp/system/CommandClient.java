package fr.gasp.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * A client of the command side under load: sends a command, with or without an
 * {@code Idempotency-Key}, and keeps the whole answer. The command side's address is asked
 * for at each request, so a client follows a restarted process.
 */
final class CommandClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Supplier<String> base;

    CommandClient(Supplier<String> base) {
        this.base = base;
    }

    /** The answer to one request; {@code json} is null when the body is not JSON. */
    record Reply(int status, String contentType, boolean replayed, String body, JsonNode json) {

        boolean acknowledged() {
            return status / 100 == 2;
        }

        String id() {
            return json.get("id").asText();
        }

        long version() {
            return json.get("version").asLong();
        }

        @Override
        public String toString() {
            return status + " " + contentType + (replayed ? " (replayed) " : " ") + body;
        }
    }

    Reply send(String user, String path, String body, String idempotencyKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.get() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json;
        try {
            json = response.body().isEmpty() ? null : JSON.readTree(response.body());
        } catch (IOException notJson) {
            json = null;
        }
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Idempotent-Replayed").isPresent(), response.body(), json);
    }

    Reply send(ProposalCommand command, String idempotencyKey) throws IOException, InterruptedException {
        return send(command.user(), command.path(), command.body(), idempotencyKey);
    }
}
