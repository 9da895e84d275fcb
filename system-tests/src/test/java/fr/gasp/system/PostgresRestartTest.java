package fr.gasp.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * PostgreSQL stopped and started again while clients send commands and read: meanwhile the
 * health of each app says it is not up; once the database is back, both apps recover by
 * themselves (healthy, commands accepted, read models caught up and equal to a rebuild), and
 * no command answered 2xx is missing. PostgreSQL is started again whatever happens: other
 * tests on this machine use it.
 */
@ExtendWith(BothApps.class)
class PostgresRestartTest {

    private static final int CLIENTS = 6;
    /**
     * How long a health probe may take before it counts as "not up", as a load balancer's
     * would. With the database gone, {@code /actuator/health} answers {@code 503 DOWN} only
     * after Hikari's connection timeout (30 s by default); the database is not kept down that
     * long, as other tests on the machine share it.
     */
    private static final Duration DOWN_PROBE = Duration.ofSeconds(3);

    @Test
    void both_apps_say_so_while_postgres_is_down_and_recover_by_themselves(GaspService service) throws Exception {
        assumeTrue(PostgresServer.controllable(), "needs a local PostgreSQL cluster managed by pg_ctlcluster");
        long seed = Long.getLong("gasp.reliability.seed", System.nanoTime());
        System.out.println("[postgres-restart] seed " + seed);
        Organisation gasp = Organisation.create(service, "GASP des redémarrages");
        CommandClient client = new CommandClient(() -> service.commandSide.baseUrl());
        CommandLedger ledger = new CommandLedger();
        Map<String, Integer> reads = new TreeMap<>();
        List<String> downHealth = new ArrayList<>();
        long outage;
        try (CommandLoad load = new CommandLoad(client, gasp, ledger, CLIENTS, seed);
             Reader reader = new Reader(service, gasp, reads)) {
            awaitAcknowledged(ledger, 20, Duration.ofSeconds(60));
            long stopped = System.nanoTime();
            try {
                PostgresServer.stop();
                for (AppProcess app : List.of(service.commandSide, service.querySide)) {
                    downHealth.add(awaitHealth(app, health -> !health.startsWith("200 ") || !health.contains("\"UP\""),
                            DOWN_PROBE, Duration.ofSeconds(60)) + " after " + (System.nanoTime() - stopped) / 1_000_000
                            + " ms");
                }
            } finally {
                PostgresServer.start();
                PostgresServer.awaitReady(Duration.ofSeconds(60));
            }
            outage = (System.nanoTime() - stopped) / 1_000_000;
            for (AppProcess app : List.of(service.commandSide, service.querySide)) {
                awaitHealth(app, health -> health.startsWith("200 ") && health.contains("\"UP\""), Duration.ofSeconds(10),
                        Duration.ofSeconds(90));
            }
            System.out.println("[postgres-restart] down " + outage + " ms; health meanwhile " + downHealth
                    + "; both healthy " + (System.nanoTime() - stopped) / 1_000_000 + " ms after the stop");
            int before = ledger.acknowledged(new ArrayList<>()).size();
            awaitAcknowledged(ledger, before + 20, Duration.ofSeconds(60));
        }
        System.out.println("[postgres-restart] " + ledger.all().size() + " commands; statuses " + ledger.statuses()
                + "; refusals " + ledger.refusals() + "; reads " + reads + "; first answers other than 2xx/409: "
                + ledger.notAcknowledgedNorConflict().stream().limit(3).toList());

        assertThat(downHealth).hasSize(2);
        assertThat(ledger.storeFaults(service.databaseUrl, List.of())).as("store against the answers").isEmpty();
        // Refused while the database was away: a clear "try again" (503) or a conflict, never a bare 500.
        assertThat(ledger.all()).filteredOn(request -> request.reply() != null && !request.reply().acknowledged())
                .allSatisfy(request -> {
                    assertThat(request.reply().status()).as(request.reply().body()).isIn(409, 503);
                    assertThat(request.reply().contentType()).startsWith("application/problem+json");
                });
        CatchUp.await(service, Duration.ofSeconds(90));
        AuditChain.assertEveryEventChainedOnce(service);
        Replay.assertReadModelsEqualARebuild(service);
    }

    private static void awaitAcknowledged(CommandLedger ledger, int count, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (ledger.acknowledged(new ArrayList<>()).size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("fewer than " + count + " commands acknowledged after " + timeout + ": "
                        + ledger.statuses() + " " + ledger.refusals());
            }
            Thread.sleep(100);
        }
    }

    /** Waits for the app's health to satisfy the condition; answers what it said. */
    private static String awaitHealth(AppProcess app, Predicate<String> condition, Duration probe, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String health = app.health(probe);
        while (!condition.test(health)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(app.baseUrl() + " health still " + health + " after " + timeout);
            }
            Thread.sleep(200);
            health = app.health(probe);
        }
        return health;
    }

    /** A reader of the query side, counting its answers by status (-1: none), until closed. */
    private static final class Reader implements AutoCloseable {

        private final AtomicBoolean stopping = new AtomicBoolean();
        private final ExecutorService thread = Executors.newSingleThreadExecutor();
        private final Future<?> running;

        Reader(GaspService service, Organisation gasp, Map<String, Integer> statuses) {
            running = thread.submit(() -> {
                while (!stopping.get()) {
                    String status;
                    try {
                        HttpResponse<String> answer = service.sendRaw("elected", service.querySide.baseUrl(), "GET",
                                "/api/proposals?gaspId=" + gasp.gaspId(), null);
                        status = Integer.toString(answer.statusCode());
                    } catch (Exception e) {
                        status = e.getClass().getSimpleName();
                    }
                    synchronized (statuses) {
                        statuses.merge(status, 1, Integer::sum);
                    }
                    Thread.sleep(100);
                }
                return null;
            });
        }

        @Override
        public void close() throws Exception {
            stopping.set(true);
            try {
                running.get();
            } finally {
                thread.shutdownNow();
            }
        }
    }
}
