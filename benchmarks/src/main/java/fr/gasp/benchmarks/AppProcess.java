package fr.gasp.benchmarks;

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
import java.util.concurrent.TimeUnit;

/**
 * One app run from its executable jar as its own process (as system-tests do), with the
 * two things measured from outside: time from process start to health UP, and resident
 * memory as the kernel reports it.
 */
final class AppProcess implements AutoCloseable {

    final String name;
    private final int port;
    private final Path log;
    private final Process process;
    private final long startedNanos;

    private AppProcess(String name, int port, Path log, Process process, long startedNanos) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
        this.startedNanos = startedNanos;
    }

    static AppProcess start(String name, Path jar, List<String> jvmOptions, Map<String, String> environment,
                            Path logDirectory) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No executable jar for " + name + " at " + jar + ": build first.");
        }
        return start(name, jvmOptions, List.of("-jar", jar.toString()), environment, logDirectory);
    }

    /**
     * A main class of this harness as a process of its own: from its executable jar through Spring
     * Boot's launcher that takes the main class as a property (as {@code ./benchmarks/run} runs
     * it), or from the same class path where the harness does not run from that jar (an IDE).
     */
    static AppProcess startMain(String name, String mainClass, List<String> jvmOptions,
                                Map<String, String> environment, Path logDirectory) throws IOException {
        String classPath = System.getProperty("java.class.path");
        boolean executableJar = classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator);
        List<String> launch = executableJar
                ? List.of("-Dloader.main=" + mainClass, "-cp", classPath,
                "org.springframework.boot.loader.launch.PropertiesLauncher")
                : List.of("-cp", classPath, mainClass);
        return start(name, jvmOptions, launch, environment, logDirectory);
    }

    private static AppProcess start(String name, List<String> jvmOptions, List<String> launch,
                                    Map<String, String> environment, Path logDirectory) throws IOException {
        int port = freePort();
        Files.createDirectories(logDirectory);
        Path log = logDirectory.resolve(name + "-" + port + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(launch);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        long started = System.nanoTime();
        return new AppProcess(name, port, log, builder.start(), started);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** Waits for health UP and answers the time since the process was started. */
    Duration awaitHealthy(Duration timeout) throws Exception {
        return awaitHealthy(timeout, "/actuator/health");
    }

    /** Waits for health UP at {@code path} and answers the time since the process was started. */
    Duration awaitHealthy(Duration timeout, String path) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return Duration.ofNanos(System.nanoTime() - startedNanos);
                }
            } catch (IOException notYetListening) {
                // Still starting.
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(name + " not healthy after " + timeout + "; see " + log);
    }

    /** Resident memory (VmRSS) in MiB, or -1 where /proc does not say (not Linux). */
    double residentMiB() {
        return procFigureMiB(Path.of("/proc", Long.toString(process.pid()), "status"), "VmRSS:");
    }

    /**
     * Proportional set size: the resident pages, each shared one divided among the mappings that
     * share it. With ZGC (tried in the eleventh session, docs/performance.md) the JVM maps its
     * heap three times, and VmRSS counts each resident page of it up to three times; this one
     * counts it once.
     */
    double proportionalMiB() {
        return procFigureMiB(Path.of("/proc", Long.toString(process.pid()), "smaps_rollup"), "Pss:");
    }

    private static double procFigureMiB(Path file, String field) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
