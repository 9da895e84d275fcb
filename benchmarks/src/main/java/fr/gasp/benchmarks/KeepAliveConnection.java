package fr.gasp.benchmarks;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 on one kept-alive socket, blocking, on the caller's thread: what a load client
 * needs and nothing more. The JDK's {@code HttpClient} hands every exchange to a selector
 * thread of its own and back, which took the 8 load clients 0.4-0.6 ms of CPU per command
 * (issue 6, tenth session), on the two cores the service is measured on. One instance per
 * thread; not thread-safe.
 */
final class KeepAliveConnection implements Closeable {

    record Response(int status, String body) {
    }

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int READ_TIMEOUT_MILLIS = 60_000;

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveConnection(URI base) {
        this.host = base.getHost();
        this.port = base.getPort() < 0 ? 80 : base.getPort();
    }

    /**
     * Sends a request and reads its whole answer. A kept-alive connection that the server
     * closed while idle (its keep-alive timeout, between phases) fails before any byte of an
     * answer: the request is then sent once more on a new connection, as browsers do.
     */
    Response exchange(String method, String path, String authorization, String jsonBody) throws IOException {
        boolean reused = socket != null;
        try {
            return exchangeOnce(method, path, authorization, jsonBody);
        } catch (ClosedBeforeAnswer closed) {
            close();
            if (!reused) {
                throw closed;
            }
            return exchangeOnce(method, path, authorization, jsonBody);
        } catch (IOException failure) {
            close();
            throw failure;
        }
    }

    private Response exchangeOnce(String method, String path, String authorization, String jsonBody)
            throws IOException {
        if (socket == null) {
            open();
        }
        byte[] body = jsonBody == null ? new byte[0] : jsonBody.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256)
                .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\n")
                .append("Authorization: ").append(authorization).append("\r\n")
                .append("Accept: application/json, application/problem+json, */*\r\n");
        if (jsonBody != null) {
            head.append("Content-Type: application/json\r\n").append("Content-Length: ").append(body.length)
                    .append("\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        try {
            out.write(request);
            out.flush();
        } catch (IOException broken) {
            throw new ClosedBeforeAnswer(broken);
        }
        return readResponse();
    }

    private Response readResponse() throws IOException {
        String statusLine = readLine(true);
        // "HTTP/1.1 201 " (Tomcat sends no reason phrase)
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long contentLength = -1;
        boolean chunked = false;
        boolean closeAfter = false;
        for (String line = readLine(false); !line.isEmpty(); line = readLine(false)) {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> contentLength = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> closeAfter = value.equalsIgnoreCase("close");
                default -> {
                }
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (int size = Integer.parseInt(chunkSize(readLine(false)), 16); size > 0;
                 size = Integer.parseInt(chunkSize(readLine(false)), 16)) {
                copy(size, body);
                readLine(false);
            }
            // Trailers, then the blank line that ends the message.
            while (!readLine(false).isEmpty()) {
                // none expected
            }
        } else if (contentLength >= 0) {
            copy(contentLength, body);
        } else {
            // No length: the body ends with the connection.
            in.transferTo(body);
            closeAfter = true;
        }
        if (closeAfter) {
            close();
        }
        return new Response(status, body.toString(StandardCharsets.UTF_8));
    }

    private static String chunkSize(String line) {
        int extension = line.indexOf(';');
        return (extension < 0 ? line : line.substring(0, extension)).trim();
    }

    private void copy(long length, ByteArrayOutputStream into) throws IOException {
        byte[] buffer = new byte[8192];
        long left = length;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new EOFException("answer cut short: " + left + " bytes missing");
            }
            into.write(buffer, 0, read);
            left -= read;
        }
    }

    /** One header line, without its CRLF. The first byte of an answer missing means the server had closed. */
    private String readLine(boolean firstOfAnswer) throws IOException {
        StringBuilder line = new StringBuilder(64);
        int previous = -1;
        while (true) {
            int next;
            try {
                next = in.read();
            } catch (IOException reset) {
                if (firstOfAnswer && line.isEmpty()) {
                    throw new ClosedBeforeAnswer(reset);
                }
                throw reset;
            }
            if (next < 0) {
                if (firstOfAnswer && line.isEmpty()) {
                    throw new ClosedBeforeAnswer(new EOFException("connection closed by the server"));
                }
                throw new EOFException("answer cut short after: " + line);
            }
            if (previous == '\r' && next == '\n') {
                line.setLength(line.length() - 1);
                return line.toString();
            }
            line.append((char) next);
            previous = next;
        }
    }

    private void open() throws IOException {
        Socket opened = new Socket();
        opened.setTcpNoDelay(true);
        opened.setSoTimeout(READ_TIMEOUT_MILLIS);
        opened.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
        socket = opened;
        in = new BufferedInputStream(opened.getInputStream(), 16 * 1024);
        out = opened.getOutputStream();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
            in = null;
            out = null;
        }
    }

    /** The connection was found closed before the answer began: nothing of the request was answered. */
    private static final class ClosedBeforeAnswer extends IOException {
        ClosedBeforeAnswer(Throwable cause) {
            super("connection closed before the answer", cause);
        }
    }
}
