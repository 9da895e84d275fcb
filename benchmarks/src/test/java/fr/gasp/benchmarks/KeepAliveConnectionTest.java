package fr.gasp.benchmarks;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The load clients' HTTP/1.1 against a server whose every answer (and hang-up) the test writes. */
class KeepAliveConnectionTest {

    /** What the server does with one request: the raw bytes it answers, and whether it then hangs up. */
    private record Reply(String raw, boolean hangUp) {
    }

    private final Queue<Reply> replies = new ConcurrentLinkedQueue<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final ServerSocket server;

    KeepAliveConnectionTest() throws IOException {
        server = new ServerSocket(0);
        Thread acceptor = new Thread(this::serve, "scripted-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void reads_a_sized_answer_and_sends_the_next_request_on_the_same_connection() throws IOException {
        replies.add(new Reply(sized(201, "{\"id\":\"a\",\"version\":0}"), false));
        replies.add(new Reply(sized(200, "{\"version\":1}"), false));
        try (KeepAliveConnection connection = connection()) {
            KeepAliveConnection.Response created = connection.exchange("POST", "/api/proposals", "Basic eA==",
                    "{\"title\":\"Été\"}");
            KeepAliveConnection.Response next = connection.exchange("GET", "/api/proposals/a", "Basic eA==", null);

            assertThat(created).isEqualTo(new KeepAliveConnection.Response(201, "{\"id\":\"a\",\"version\":0}"));
            assertThat(next).isEqualTo(new KeepAliveConnection.Response(200, "{\"version\":1}"));
        }
        assertThat(connections).hasValue(1);
        assertThat(requests.get(0)).startsWith("POST /api/proposals HTTP/1.1\r\n")
                .contains("Authorization: Basic eA==\r\n", "Content-Type: application/json\r\n")
                // "É" and "é" are two bytes each in UTF-8: the length counts bytes, not characters.
                .contains("Content-Length: 17\r\n").endsWith("\r\n\r\n{\"title\":\"Été\"}");
        assertThat(requests.get(1)).startsWith("GET /api/proposals/a HTTP/1.1\r\n").doesNotContain("Content-Length");
    }

    @Test
    void reads_a_chunked_answer_whole() throws IOException {
        replies.add(new Reply("HTTP/1.1 409 \r\nContent-Type: application/problem+json\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "7\r\n{\"title\r\n" + "d;ext=1\r\n\":\"Refusée\"}\r\n" + "0\r\n\r\n", false));
        replies.add(new Reply(sized(200, "{}"), false));
        try (KeepAliveConnection connection = connection()) {
            assertThat(connection.exchange("GET", "/x", "Basic eA==", null))
                    .isEqualTo(new KeepAliveConnection.Response(409, "{\"title\":\"Refusée\"}"));
            // Nothing of the first answer left unread to spoil the second.
            assertThat(connection.exchange("GET", "/y", "Basic eA==", null).body()).isEqualTo("{}");
        }
        assertThat(connections).hasValue(1);
    }

    @Test
    void opens_a_new_connection_after_an_answer_that_closes_it() throws IOException {
        replies.add(new Reply("HTTP/1.1 200 \r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}", true));
        replies.add(new Reply(sized(200, "[]"), false));
        try (KeepAliveConnection connection = connection()) {
            connection.exchange("GET", "/a", "Basic eA==", null);
            assertThat(connection.exchange("GET", "/b", "Basic eA==", null).body()).isEqualTo("[]");
        }
        assertThat(connections).hasValue(2);
    }

    @Test
    void sends_again_on_a_new_connection_a_request_the_server_hung_up_on_before_answering() throws IOException {
        replies.add(new Reply(sized(200, "{}"), false));
        // The server closes the kept-alive connection while idle (its keep-alive timeout): no answer at all.
        replies.add(new Reply("", true));
        replies.add(new Reply(sized(201, "{\"version\":0}"), false));
        try (KeepAliveConnection connection = connection()) {
            connection.exchange("GET", "/a", "Basic eA==", null);
            assertThat(connection.exchange("POST", "/b", "Basic eA==", "{}"))
                    .isEqualTo(new KeepAliveConnection.Response(201, "{\"version\":0}"));
        }
        assertThat(connections).hasValue(2);
        assertThat(requests).hasSize(3);
    }

    @Test
    void does_not_send_again_a_request_whose_answer_was_cut_short() throws IOException {
        replies.add(new Reply("HTTP/1.1 200 \r\nContent-Length: 50\r\n\r\n{\"partial", true));
        try (KeepAliveConnection connection = connection()) {
            assertThatThrownBy(() -> connection.exchange("POST", "/a", "Basic eA==", "{}"))
                    .isInstanceOf(IOException.class).hasMessageContaining("cut short");
        }
        assertThat(requests).hasSize(1);
    }

    @Test
    void a_new_connection_refused_or_hung_up_on_is_an_error_not_a_retry() throws IOException {
        replies.add(new Reply("", true));
        try (KeepAliveConnection connection = connection()) {
            assertThatThrownBy(() -> connection.exchange("GET", "/a", "Basic eA==", null))
                    .isInstanceOf(IOException.class);
        }
        assertThat(requests).hasSize(1);
    }

    private KeepAliveConnection connection() {
        return new KeepAliveConnection(URI.create("http://127.0.0.1:" + server.getLocalPort()));
    }

    private static String sized(int status, String body) {
        return "HTTP/1.1 " + status + " \r\nContent-Type: application/json\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    private void serve() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                Thread handler = new Thread(() -> answer(socket), "scripted-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** Each request read whole (head, then a body of its Content-Length in bytes), then the next scripted reply. */
    private void answer(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                int length = head.lines().filter(line -> line.startsWith("Content-Length: "))
                        .mapToInt(line -> Integer.parseInt(line.substring("Content-Length: ".length()))).findFirst()
                        .orElse(0);
                requests.add(head + new String(in.readNBytes(length), StandardCharsets.UTF_8));
                Reply reply = replies.poll();
                if (reply == null) {
                    return;
                }
                out.write(reply.raw().getBytes(StandardCharsets.UTF_8));
                out.flush();
                if (reply.hangUp()) {
                    return;
                }
            }
        } catch (IOException gone) {
            // the client went away
        }
    }

    /** Up to and with the blank line; null if the client closed first. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int next;
        while ((next = in.read()) >= 0) {
            head.write(next);
            String soFar = head.toString(StandardCharsets.ISO_8859_1);
            if (soFar.endsWith("\r\n\r\n")) {
                return soFar;
            }
        }
        return null;
    }
}
