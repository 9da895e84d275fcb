package fr.gasp.system;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The local PostgreSQL cluster the tests run on, stopped and started as an operator would
 * ({@code pg_ctlcluster}, as root, without systemd). Shared with every other test on the
 * machine: whoever stops it must start it again, whatever happens.
 */
final class PostgresServer {

    private PostgresServer() {
    }

    /**
     * Whether the tests' server is this machine's own cluster and we may stop it: a
     * Debian-style installation, the tests pointed at it (GASP_TEST_POSTGRES_URL unset or
     * local), run as root or postgres, and not turned off with
     * {@code -Dgasp.reliability.restartPostgres=false}.
     */
    static boolean controllable() {
        String[] versions = new File("/etc/postgresql").list();
        String server = System.getenv("GASP_TEST_POSTGRES_URL");
        String user = System.getProperty("user.name");
        return Boolean.parseBoolean(System.getProperty("gasp.reliability.restartPostgres", "true"))
                && versions != null && versions.length == 1 && new File("/usr/bin/pg_ctlcluster").canExecute()
                && (server == null || server.isBlank() || server.contains("//127.0.0.1:5432/")
                || server.contains("//localhost:5432/"))
                && ("root".equals(user) || "postgres".equals(user));
    }

    static void stop() throws Exception {
        run("pg_ctlcluster", "--skip-systemctl-redirect", version(), "main", "stop", "-m", "fast");
    }

    static void start() throws Exception {
        run("pg_ctlcluster", "--skip-systemctl-redirect", version(), "main", "start");
    }

    /** Waits for the server to accept connections again. */
    static void awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Process ready = new ProcessBuilder("pg_isready", "-h", "127.0.0.1", "-p", "5432").inheritIO().start();
            if (ready.waitFor(10, TimeUnit.SECONDS) && ready.exitValue() == 0) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("PostgreSQL not ready after " + timeout);
    }

    private static String version() {
        return new File("/etc/postgresql").list()[0];
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " still running after 60 s");
        }
        String output = new String(process.getInputStream().readAllBytes());
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue() + ": "
                    + output);
        }
    }
}
