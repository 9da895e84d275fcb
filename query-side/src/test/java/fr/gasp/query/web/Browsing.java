package fr.gasp.query.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Plain HTTP calls to the pages and files, as a browser or a tool would make them, without following redirects. */
final class Browsing {

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final int port;

    Browsing(int port) {
        this.port = port;
    }

    /** A GET as {@code user} over HTTP Basic (password = name), or anonymous when {@code user} is null. */
    HttpResponse<byte[]> get(String user, String path, String accept) {
        HttpRequest.Builder request = request(user, path).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        return send(request.build());
    }

    HttpResponse<byte[]> post(String user, String path) {
        return send(request(user, path).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String user, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
