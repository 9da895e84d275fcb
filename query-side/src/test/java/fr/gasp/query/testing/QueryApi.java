package fr.gasp.query.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

/** The query side's HTTP API, called as a client would: HTTP Basic with a demo account. */
public final class QueryApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    QueryApi(int port) {
        this.port = port;
    }

    /** A GET as the secretariat, which must answer 200. */
    public JsonNode read(String path) {
        Answer answer = get("secretariat", path);
        if (answer.status() != 200) {
            throw new AssertionError("GET " + path + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }

    /** A GET as {@code user} (password = name); {@code user == null} sends no credentials. */
    public Answer get(String user, String path) {
        return getAsync(user, path).join();
    }

    public CompletableFuture<Answer> getAsync(String user, String path) {
        return sendAsync(user, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET());
    }

    /** A POST without a body as {@code user} (password = name). */
    public Answer post(String user, String path) {
        return sendAsync(user, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.noBody())).join();
    }

    private CompletableFuture<Answer> sendAsync(String user, HttpRequest.Builder request) {
        request.timeout(Duration.ofSeconds(30));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .thenApply(response -> new Answer(response.statusCode(),
                        response.headers().firstValue("Content-Type").orElse(""),
                        response.headers().firstValue("Retry-After").orElse(null),
                        parse(response.body())));
    }

    private static JsonNode parse(String body) {
        try {
            return body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + body, e);
        }
    }

    public record Answer(int status, String contentType, String retryAfter, JsonNode body) {
    }
}
