package fr.gasp.system;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One of the two apps, run from its executable jar as its own process, as it runs in production. */
final class AppProcess implements AutoCloseable {

    /**
     * How long an app may take to start (healthy, or stopped by itself when misconfigured). It
     * takes 10 to 25 s on 2 idle cores, but 60 to 85 s when the machine is busy (measured with
     * other builds and two to four CPU hogs): two minutes left too little margin. A process
     * that exits is seen at once whatever this says.
     */
    static final Duration STARTUP = Duration.ofMinutes(5);

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;

    private AppProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    static AppProcess start(String name, String jarProperty, Map<String, String> environment) throws IOException {
        return start(name, jarProperty, environment, null);
    }

    /** Started in {@code directory} (the current one when {@code null}), as a newcomer starts it from a clone. */
    static AppProcess start(String name, String jarProperty, Map<String, String> environment, Path directory)
            throws IOException {
        String jar = System.getProperty(jarProperty);
        if (jar == null || !new File(jar).isFile()) {
            throw new IllegalStateException("No executable jar for " + name + " at " + jar
                    + ": run the tests with ./mvnw verify from the project root, which builds it first.");
        }
        int port = freePort();
        Path logDirectory = Path.of(System.getProperty("gasp.logDirectory", "target/app-logs"));
        Files.createDirectories(logDirectory);
        Path log = logDirectory.resolve(name + "-" + port + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", jar));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory == null ? null : directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        return new AppProcess(name, port, log, builder.start());
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    void awaitHealthy(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; log: " + tail());
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYetListening) {
                // Still starting.
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " not healthy after " + timeout + "; log: " + tail());
    }

    /**
     * What {@code /actuator/health} says now: its status and body, or why it did not answer
     * within {@code timeout}.
     */
    String health(Duration timeout) {
        try {
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(baseUrl() + "/actuator/health")).timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofString());
            return health.statusCode() + " " + health.body();
        } catch (IOException e) {
            return "no answer: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Waits for the app to stop by itself (as it must when misconfigured) and answers its exit code. */
    int awaitExit(Duration timeout) throws Exception {
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(name + " still running after " + timeout + "; log: " + tail());
        }
        return process.exitValue();
    }

    /**
     * Ends the process as {@code kill -9} would: no shutdown hook, no graceful stop, whatever
     * it was doing is cut off where it stood.
     */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " still alive 20 s after SIGKILL");
        }
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
