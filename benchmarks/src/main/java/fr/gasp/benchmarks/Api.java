package fr.gasp.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The HTTP API as a client sees it: Basic sign-in with the demo accounts (password = name),
 * JSON bodies, through one kept-alive connection per app and Api ({@link KeepAliveConnection}):
 * each load client keeps its own, and costs the measured machine little CPU. An Api's calls
 * are sent one at a time (a thread that shares one waits for the other's answer).
 */
final class Api {

    record Answer(int status, String body, long nanos) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

        Answer expect(int expected, String what) {
            if (status != expected) {
                throw new IllegalStateException(what + ": expected " + expected + ", got " + status + " " + body);
            }
            return this;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, KeepAliveConnection> connections = new HashMap<>();

    synchronized Answer post(String base, String user, String path, String body) throws IOException {
        return exchange(base, "POST", user, path, body);
    }

    synchronized Answer get(String base, String user, String path) throws IOException {
        return exchange(base, "GET", user, path, null);
    }

    private Answer exchange(String base, String method, String user, String path, String body) throws IOException {
        KeepAliveConnection connection = connections.computeIfAbsent(base,
                address -> new KeepAliveConnection(URI.create(address)));
        long started = System.nanoTime();
        KeepAliveConnection.Response response = connection.exchange(method, path, basic(user), body);
        return new Answer(response.status(), response.body(), System.nanoTime() - started);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
