package fr.gasp.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import fr.gasp.benchmarks.CommandLoad.Phase;
import fr.gasp.benchmarks.Organisations.Gasp;
import fr.gasp.benchmarks.ProposalLifecycles.Territory;
import fr.gasp.events.proposal.ProposalRaised;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * The whole benchmark, in one process against one fresh database: both apps started from
 * their jars, then the raw commit rate, command throughput and projection lag, a store of a
 * million events written in bulk, its replay, the dashboard and the annual report on it,
 * and start-up time and memory throughout. Run by ./benchmarks/run (see docs/performance.md).
 */
public final class BenchmarkRun {

    private static final double[] LATENCY = {50, 95, 99, 100};

    private final Options options;
    private final Report report = new Report();
    /** The GASP the command load raised its proposals in: a GASP of a size a deployment sees, read after the bulk one. */
    private Gasp loadGasp;

    private BenchmarkRun(Options options) {
        this.options = options;
    }

    public static void main(String[] arguments) throws Exception {
        if (Arrays.asList(arguments).contains("--help")) {
            System.out.println("./benchmarks/run [--name=value ...]; names and defaults (see docs/performance.md):");
            Options.DEFAULTS.forEach((name, value) -> System.out.println("  --" + name + "=" + value));
            return;
        }
        BenchmarkRun run = new BenchmarkRun(new Options(arguments));
        run.report.machine("Command: `./benchmarks/run" + (arguments.length == 0 ? "" : " " + String.join(" ", arguments))
                + "` (started " + java.time.OffsetDateTime.now().withNano(0) + ")");
        run.run();
    }

    private void run() throws Exception {
        Path results = Path.of(options.text("results"));
        Cleanup cleanup = new Cleanup();
        try {
            BenchDatabase database = BenchDatabase.create(options.text("postgres-url"),
                    options.text("postgres-user"), options.text("postgres-password"));
            boolean keep = Boolean.parseBoolean(options.text("keep-database"));
            if (!keep) {
                cleanup.add(database);
            }
            Machine.describe(report, database);
            report.machine("Database of the run: " + database.name + (keep ? " (kept: drop it when done)" : " (dropped at the end)"));
            report.machine("Apps: java " + options.text("app-jvm-options") + " -jar …-exec.jar, both on the database above");
            Map<String, String> environment = new HashMap<>();
            environment.put("SPRING_DATASOURCE_URL", database.url());
            environment.put("SPRING_DATASOURCE_USERNAME", database.user);
            environment.put("SPRING_DATASOURCE_PASSWORD", database.password);
            environment.put("GASP_DEMO_USERS", "true");
            environment.put("GASP_DEMO_DATA", "false");
            List<String> jvm = Arrays.stream(options.text("app-jvm-options").split("\\s+")).filter(s -> !s.isBlank()).toList();
            Path logs = Path.of(options.text("logs"));
            // The command side first, alone: it creates the event store the query side reads.
            AppProcess commandSide = cleanup.add(AppProcess.start("command-side", Path.of(options.text("command-jar")),
                    jvm, environment, logs));
            Duration commandStart = commandSide.awaitHealthy(Duration.ofMinutes(3));
            AppProcess querySide = cleanup.add(AppProcess.start("query-side", Path.of(options.text("query-jar")),
                    jvm, environment, logs));
            Duration queryStart = querySide.awaitHealthy(Duration.ofMinutes(3));
            report.figure("Start-up, command side (process start → health UP)", seconds(commandStart));
            report.figure("Start-up, query side (process start → health UP)", seconds(queryStart));
            memory("idle after start-up", commandSide, querySide);
            measure(database, commandSide, querySide, new FloorSettings(jvm, environment, logs));
        } finally {
            cleanup.close();
            report.write(results);
            System.out.println();
            System.out.println(report.markdown());
            System.out.println("Written to " + results.toAbsolutePath());
        }
    }

    /** How the floor app is started: as the apps are. */
    private record FloorSettings(List<String> jvmOptions, Map<String, String> environment, Path logs) {
    }

    /** Each step on its own: one that fails is reported as such and the others still run. */
    private void measure(BenchDatabase database, AppProcess commandSide, AppProcess querySide, FloorSettings floor) {
        String commands = commandSide.baseUrl();
        String queries = querySide.baseUrl();
        Double raw = step("raw commit rate", () -> rawCommitRate(database));
        step("floor over HTTP", () -> httpFloor(database, floor, raw == null ? Double.NaN : raw));
        step("command throughput and projection lag",
                () -> commandLoad(database, commandSide, querySide, raw == null ? Double.NaN : raw));
        memory("after the command load", commandSide, querySide);
        step("store format", () -> storeFormat(database));
        Store store = step("store of many events and its replay", () -> store(database, commands, queries));
        memory("after the bulk store and its projection", commandSide, querySide);
        if (store != null) {
            step("dashboard and annual report", () -> reads(commands, queries, store));
        }
        memory("at the end", commandSide, querySide);
    }

    /** The GASP written in bulk, for the reads. */
    private record Store(Territory territory, BulkEvents.Written written) {
    }

    private <T> T step(String name, Callable<T> body) {
        try {
            return body.call();
        } catch (Exception e) {
            e.printStackTrace();
            report.goal(name, "(see below)", "step failed: " + e, null);
            return null;
        }
    }

    /** 1. The ceiling: single-row commits from as many threads as there will be clients. */
    private double rawCommitRate(BenchDatabase database) throws Exception {
        int clients = options.integer("clients");
        UUID sample = UUID.randomUUID();
        byte[] payload = StoredEventFormat.payload(new ProposalRaised(sample, sample, sample, sample,
                "Proposition de charge 3-1234", "Une proposition envoyée par le banc d'essai, d'une longueur "
                + "comparable à celles que saisit le secrétariat.", List.of("accueil"), LocalDate.of(2024, 5, 2)));
        byte[] metaData = StoredEventFormat.metaData("secretariat", "SECRETARIAT", sample);
        double raw = RawCommitRate.measure(database, clients, Duration.ofSeconds(options.integer("raw-seconds")),
                payload, metaData);
        report.detail("raw JDBC", clients + " threads, one event-shaped row (payload " + payload.length
                + " B, metadata " + metaData.length + " B) and one commit each: " + Report.number(raw) + " commits/s");
        return raw;
    }

    /**
     * 1b. The same commits over HTTP through Spring Boot alone (nothing of the service), under the
     * command load's clients: what the stack and HTTP leave of the raw rate on this machine.
     */
    private Void httpFloor(BenchDatabase database, FloorSettings floor, double raw) throws Exception {
        int clients = options.integer("clients");
        int warmUp = options.integer("floor-warmup-seconds");
        HttpFloor.Measured measured = HttpFloor.measure(database, floor.jvmOptions(), floor.environment(),
                floor.logs(), clients, Duration.ofSeconds(warmUp), Duration.ofSeconds(options.integer("phase-seconds")));
        report.detail("floor over HTTP", clients + " clients, each sending the creates' request to a Spring Boot app "
                + "that inserts and commits one event-shaped row per request and does nothing else (its own process, "
                + "the apps' JVM options, " + warmUp + " s of the same load first, not measured), "
                + Report.number(measured.seconds()) + " s: " + measured.requests() + " answered 201, "
                + measured.failures() + " other; " + Report.number(measured.perSecond()) + " requests/s ("
                + percent(measured.perSecond() / raw) + " of raw); latency " + measured.latencies().summary(LATENCY)
                + "; CPU per request: " + measured.cpuPerRequest());
        report.figure("Floor: one commit per request over HTTP through Spring Boot alone, " + clients + " clients",
                Report.number(measured.perSecond()) + " requests/s = " + percent(measured.perSecond() / raw) + " of "
                        + Report.number(raw) + " commits/s");
        return null;
    }

    /** 2-3. Commands over HTTP and how soon the query side shows them. */
    private Void commandLoad(BenchDatabase database, AppProcess commandSide, AppProcess querySide, double raw)
            throws Exception {
        String commands = commandSide.baseUrl();
        String queries = querySide.baseUrl();
        int clients = options.integer("clients");
        Api api = new Api();
        Organisations organisations = new Organisations(api, commands);
        Gasp gasp = organisations.gasp("GASP des mesures", LocalDate.of(2020, 1, 1));
        loadGasp = gasp;
        CommandLoad.lagAtRest(commands, queries, gasp, 50);
        warmUp(organisations, commands, queries, clients);
        CommandLoad load = new CommandLoad(commands, queries, gasp, options.integer("lag-sample-every"));
        Latencies rest = CommandLoad.lagAtRest(commands, queries, gasp, options.integer("rest-commands"));
        report.detail("lag at rest", "1 client, raise then read at that version: " + rest.summary(LATENCY));
        Duration phase = Duration.ofSeconds(options.integer("phase-seconds"));
        Optional<ProjectionDelay> beforeCreates = ProjectionDelay.read(api, queries);
        OptionalLong checkpointsBefore = Checkpoints.begun(database);
        CpuTime cpuBefore = CpuTime.now(commandSide, querySide);
        Optional<String> walBefore = WalWritten.position(database);
        Phase creates = load.creates(clients, phase);
        CpuTime cpuAfterCreates = CpuTime.now(commandSide, querySide);
        Optional<String> walAfterCreates = WalWritten.position(database);
        OptionalLong checkpointsAfterCreates = Checkpoints.begun(database);
        Optional<ProjectionDelay> afterCreates = ProjectionDelay.read(api, queries);
        CpuTime cpuBeforeUpdates = CpuTime.now(commandSide, querySide);
        Phase updates = load.updates(clients, phase);
        CpuTime cpuAfterUpdates = CpuTime.now(commandSide, querySide);
        Optional<String> walAfterUpdates = WalWritten.position(database);
        OptionalLong checkpointsAfterUpdates = Checkpoints.begun(database);
        Map<String, CpuTime> cpu = Map.of(creates.name(), cpuAfterCreates.since(cpuBefore),
                updates.name(), cpuAfterUpdates.since(cpuBeforeUpdates));
        Map<String, Optional<Long>> wal = Map.of(
                creates.name(), WalWritten.between(database, walBefore, walAfterCreates),
                updates.name(), WalWritten.between(database, walAfterCreates, walAfterUpdates));
        Map<String, String> checkpoints = Map.of(
                creates.name(), Checkpoints.between(checkpointsBefore, checkpointsAfterCreates),
                updates.name(), Checkpoints.between(checkpointsAfterCreates, checkpointsAfterUpdates));
        Thread.sleep(1_000); // the last events of the phase projected
        Optional<ProjectionDelay> afterUpdates = ProjectionDelay.read(api, queries);
        projectionDelay(creates, beforeCreates, afterCreates);
        projectionDelay(updates, afterCreates, afterUpdates);
        for (Phase done : List.of(creates, updates)) {
            report.detail("commands: " + done.name(), done.clients() + " clients, " + Report.number(done.seconds())
                    + " s: " + done.commands() + " acknowledged, " + done.failures() + " refused; "
                    + Report.number(done.perSecond()) + " commands/s (" + percent(done.perSecond() / raw)
                    + " of raw); latency " + done.latencies().summary(LATENCY));
            report.detail("CPU per command: " + done.name(), cpu.get(done.name()).perCommand(done.commands())
                    + " (the phase's CPU time by process, over its acknowledged commands)");
            report.detail("writes per command: " + done.name(), WalWritten.perCommand(wal.get(done.name()),
                    done.commands()) + " (the whole server's, over the phase's acknowledged commands; "
                    + checkpoints.get(done.name()) + ")");
            report.detail("lag under load: " + done.name(), "1 in " + options.integer("lag-sample-every")
                    + " acknowledged commands read at its version: " + done.lag().summary(LATENCY)
                    + "; " + checkpoints.get(done.name())
                    + (done.lagFailures() > 0 ? "; " + done.lagFailures() + " reads failed (not visible within the "
                    + "query side's read-your-writes timeout)" : ""));
            report.goal("Command throughput, " + done.name() + ", " + clients + " clients over HTTP",
                    "≥ 50 % of raw commit rate", Report.number(done.perSecond()) + " commands/s = "
                            + percent(done.perSecond() / raw) + " of " + Report.number(raw) + " commits/s",
                    Double.isNaN(raw) ? null : done.perSecond() >= raw / 2);
        }
        report.goal("Projection lag at rest (1 client), p99", "< 100 ms", Report.millis(rest.percentileMillis(99))
                + " ms (p50 " + Report.millis(rest.percentileMillis(50)) + ")", rest.percentileMillis(99) < 100);
        for (Phase done : List.of(creates, updates)) {
            double p99 = done.lag().percentileMillis(99);
            report.goal("Projection lag under load (" + done.name() + "), p99", "< 100 ms", Report.millis(p99)
                    + " ms (p50 " + Report.millis(done.lag().percentileMillis(50)) + ", p95 "
                    + Report.millis(done.lag().percentileMillis(95)) + ", max " + Report.millis(done.lag().maxMillis())
                    + ", n=" + done.lag().count() + ")", done.lagFailures() == 0 && p99 < 100);
        }
        return null;
    }

    /**
     * The same load, unmeasured, until both apps run compiled code: on 2 cores the JIT compilers
     * take a minute and more under this load, during which the command side answers two to four
     * times slower than once warm. It raises its proposals in a GASP of its own, so that the
     * measured GASP holds only what the measured phases did. The query side then catches up before
     * anything is measured.
     */
    private void warmUp(Organisations organisations, String commands, String queries, int clients) throws Exception {
        int seconds = options.integer("warmup-seconds");
        if (seconds <= 0) {
            return;
        }
        Gasp gasp = organisations.gasp("GASP d'échauffement", LocalDate.of(2020, 1, 1));
        CommandLoad warmUp = new CommandLoad(commands, queries, gasp, options.integer("lag-sample-every"));
        Duration half = Duration.ofSeconds(Math.max(1, seconds / 2));
        Phase creates = warmUp.creates(clients, half);
        Phase updates = warmUp.updates(clients, half);
        ProcessorCatchUp.Observed readModels = new ProcessorCatchUp(queries, ProcessorCatchUp.READ_MODELS)
                .watch(options.integer("catchup-timeout"));
        ProcessorCatchUp.Observed audit = new ProcessorCatchUp(queries, ProcessorCatchUp.AUDIT_CHAIN)
                .watch(options.integer("catchup-timeout"));
        report.detail("warm-up (not measured)", clients + " clients, " + Report.number(creates.seconds()) + " s of creates ("
                + Report.number(creates.perSecond()) + " commands/s) then " + Report.number(updates.seconds())
                + " s of updates (" + Report.number(updates.perSecond()) + " commands/s) in a GASP of their own; then "
                + "the query side caught up in " + Report.number(readModels.seconds()) + " s (read models, "
                + readModels.lagAtStart() + " events behind" + (readModels.caughtUp() ? "" : ", NOT caught up")
                + ") and " + Report.number(audit.seconds()) + " s (audit chain, " + audit.lagAtStart() + " behind"
                + (audit.caughtUp() ? "" : ", NOT caught up") + ")");
    }

    /** The query side's own share of the lag: its histogram's events between two readings (the phase's window). */
    private void projectionDelay(Phase phase, Optional<ProjectionDelay> before, Optional<ProjectionDelay> after) {
        if (before.isEmpty() || after.isEmpty()) {
            report.detail("projection delay: " + phase.name(), "not available (no " + ProjectionDelay.BUCKETS
                    + " on the query side)");
            return;
        }
        report.detail("projection delay: " + phase.name(), "the query side's own figure, event time stamp → read "
                + "models committed, over the phase: " + after.get().since(before.get()).summary());
    }

    /** The bulk writer's rows against the command side's own, byte for byte. */
    private Void storeFormat(BenchDatabase database) throws Exception {
        List<String> mismatches = BulkEvents.compareWithCommandSide(database);
        report.detail("store format", mismatches.isEmpty()
                ? "every event type the command side stored re-serialised by the bulk writer: byte for byte identical"
                : "bulk rows DIFFER from the command side's: " + String.join("; ", mismatches));

        return null;
    }

    /** 4. A store of a million events, caught up by the live processor, then rebuilt. */
    private Store store(BenchDatabase database, String commands, String queries) throws Exception {
        Organisations organisations = new Organisations(new Api(), commands);
        int lastYear = options.integer("report-year") + 1;
        Territory territory = organisations.territory("GASP de volume", lastYear - 9, lastYear, 8);
        BulkEvents.Written written = BulkEvents.write(database, new ProposalLifecycles(territory, 20_061),
                options.count("events"));
        report.detail("bulk store", Report.number(written.events()) + " events of " + Report.number(written.proposals())
                + " proposals (" + Report.number((double) written.events() / written.proposals()) + " a proposal) in one GASP, "
                + "with " + territory.meetings().size() + " meetings set up over HTTP; written in "
                + Report.number(written.seconds()) + " s (" + Report.number(written.events() / written.seconds())
                + " rows/s with COPY)");
        report.detail("bulk store", "read back: the last " + BulkEvents.checkReadBack(database, 1_000)
                + " rows parse as their event records");
        ProcessorCatchUp catchUp = new ProcessorCatchUp(queries, ProcessorCatchUp.READ_MODELS);
        ProcessorCatchUp.Observed live = catchUp.watch(options.integer("catchup-seconds"));
        report.detail("live catch-up", live.seconds() == 0 ? "not measurable (no gasp_readmodel_lag_events)"
                : "read-model processor, " + Report.number(live.seconds()) + " s after the bulk write: lag "
                + Report.number(live.lagAtStart()) + " → " + Report.number(live.lagAtEnd()) + " events, "
                + Report.number(live.eventsPerSecond()) + " events/s");
        // The replay is timed on a query side with nothing else to do, as a rebuild would be run: the
        // audit chain's processor, still on the bulk otherwise, would take a share of the two cores
        // that depends on how long the steps before took (about a fifth of the replay's speed).
        ProcessorCatchUp.Observed audit = new ProcessorCatchUp(queries, ProcessorCatchUp.AUDIT_CHAIN)
                .watch(options.integer("catchup-timeout"));
        report.detail("audit chain before the replay", audit.seconds() == 0 ? "not measurable (no gasp_audit_lag_events)"
                : (audit.caughtUp() ? "caught up" : "still " + Report.number(audit.lagAtEnd()) + " events behind")
                + " after " + Report.number(audit.seconds()) + " s of waiting (lag " + Report.number(audit.lagAtStart())
                + " → " + Report.number(audit.lagAtEnd()) + " events)");
        Replay.Outcome replay = Replay.runOrSayWhy(queries, options.integer("replay-timeout"));
        if (replay.available()) {
            report.detail("replay", "POST /api/admin/replay → " + replay.state() + ": " + Report.number(replay.processed())
                    + " events; endpoint " + Report.number(replay.endpointEventsPerSecond()) + " events/s; wall clock "
                    + Report.number(replay.wallSeconds()) + " s = " + Report.number(replay.wallEventsPerSecond())
                    + " events/s" + (replay.note().isEmpty() ? "" : " (" + replay.note() + ")"));
            report.goal("Replay of " + Report.number(replay.processed()) + " events", "≥ 50,000 events/s",
                    Report.number(replay.endpointEventsPerSecond()) + " events/s (endpoint), "
                            + Report.number(replay.wallEventsPerSecond()) + " events/s (wall clock)",
                    replay.state().equals("DONE") && replay.wallEventsPerSecond() >= 50_000);
        } else {
            report.detail("replay", "not available: " + replay.note());
            report.goal("Replay of " + Report.number(written.events()) + " events", "≥ 50,000 events/s",
                    "not available (" + replay.note() + ")", null);
        }
        ProcessorCatchUp.Observed rest2 = catchUp.watch(options.integer("catchup-timeout"));
        if (!replay.available() && live.lagAtEnd() > 0 && rest2.seconds() > 0) {
            report.detail("live catch-up, whole store", "read-model processor: lag " + Report.number(rest2.lagAtStart())
                    + " → " + Report.number(rest2.lagAtEnd()) + " in " + Report.number(rest2.seconds()) + " s = "
                    + Report.number(rest2.eventsPerSecond()) + " events/s");
        }
        if (!rest2.caughtUp()) {
            report.detail("reads", "read models still " + rest2.lagAtEnd() + " events behind: dashboard and report "
                    + "measured on what they had");
        }
        return new Store(territory, written);
    }

    /** 5. The dashboard and the annual report of that GASP. */
    private Void reads(String commands, String queries, Store store) {
        Territory territory = store.territory();
        BulkEvents.Written written = store.written();
        int warmUp = options.integer("read-warmup");
        int requests = options.integer("read-requests");
        String gaspId = territory.gaspId().toString();
        int year = options.integer("report-year");
        double budget = options.integer("read-budget-seconds");
        ReadLatency.Result dashboard = ReadLatency.measure(queries, "/api/dashboard?gaspId=" + gaspId, warmUp, requests, budget);
        ReadLatency.Result annual = ReadLatency.measure(queries, "/api/reports/annual/" + year + "?gaspId=" + gaspId,
                warmUp, requests, budget);
        ReadLatency.Result csv = ReadLatency.measure(queries, "/api/reports/annual/" + year + ".csv?gaspId=" + gaspId,
                warmUp, requests, budget);
        ReadLatency.Change raise = newProposal(commands, queries, territory.raisingGroups().get(0));
        int afterChange = options.integer("read-after-change");
        ReadLatency.Result dashboardAfterChange = ReadLatency.afterChange(queries, "/api/dashboard?gaspId=" + gaspId,
                afterChange, raise);
        ReadLatency.Result annualAfterChange = ReadLatency.afterChange(queries, "/api/reports/annual/" + year
                + "?gaspId=" + gaspId, afterChange, raise);
        report.detail("dashboard", "GET /api/dashboard?gaspId (all years, " + Report.number(written.proposals())
                + " proposals), 1 client: " + summary(dashboard));
        report.detail("dashboard, right after a change", "the same, each request right after a new proposal was "
                + "raised and projected (nothing computed before may serve): " + summary(dashboardAfterChange));
        report.detail("annual report, right after a change", "the same for GET /api/reports/annual/" + year
                + "?gaspId: " + summary(annualAfterChange));
        report.detail("annual report", "GET /api/reports/annual/" + year + "?gaspId, 1 client: " + summary(annual));
        report.detail("annual report CSV", "GET /api/reports/annual/" + year + ".csv?gaspId, 1 client: " + summary(csv));
        readGoal("Dashboard with " + Report.number(written.proposals()) + " proposals, p95", dashboard);
        readGoal("Annual report " + year + " (JSON), p95", annual);
        readGoal("Dashboard, first request after a change, p95", dashboardAfterChange);
        readGoal("Annual report " + year + ", first request after a change, p95", annualAfterChange);
        if (loadGasp != null) {
            afterChangeInTheLoadGasp(commands, queries);
        }
        return null;
    }

    /**
     * The first request after a change again, in the GASP of the command load: thousands of
     * proposals (a GASP raises a few hundred a year) in the same database as the bulk GASP,
     * whose rows its figures must not have to go through.
     */
    private void afterChangeInTheLoadGasp(String commands, String queries) {
        String gaspId = loadGasp.id().toString();
        int year = LocalDate.now().getYear();
        int afterChange = options.integer("read-after-change");
        ReadLatency.Change raise = newProposal(commands, queries, loadGasp.agents());
        ReadLatency.Result dashboard = ReadLatency.afterChange(queries, "/api/dashboard?gaspId=" + gaspId, afterChange,
                raise);
        ReadLatency.Result annual = ReadLatency.afterChange(queries, "/api/reports/annual/" + year + "?gaspId="
                + gaspId, afterChange, raise);
        String proposals = proposalsIn(queries, gaspId);
        report.detail("dashboard, right after a change, GASP of the command load", "GET /api/dashboard?gaspId ("
                + proposals + " proposals), each request right after a new proposal was raised and projected: "
                + summary(dashboard));
        report.detail("annual report, right after a change, GASP of the command load", "GET /api/reports/annual/"
                + year + "?gaspId, the same way: " + summary(annual));
        readGoal("Dashboard, first request after a change, GASP of " + proposals + " proposals, p95", dashboard);
        readGoal("Annual report " + year + ", first request after a change, GASP of " + proposals
                + " proposals, p95", annual);
    }

    /** How many proposals a GASP has, as its dashboard counts them. */
    private static String proposalsIn(String queries, String gaspId) {
        try {
            JsonNode counts = new Api().get(queries, "elected", "/api/dashboard?gaspId=" + gaspId)
                    .expect(200, "dashboard").json().get("countsByStatus");
            long total = 0;
            for (JsonNode count : counts) {
                total += count.asLong();
            }
            return Report.number(total);
        } catch (Exception e) {
            return "? (" + e.getMessage() + ")";
        }
    }

    /** A proposal raised by a group of the GASP read, once the query side has it: the read models have moved. */
    private static ReadLatency.Change newProposal(String commands, String queries, UUID raisingGroup) {
        Api api = new Api();
        int[] count = {0};
        return () -> {
            Api.Answer raised = api.post(commands, "secretariat", "/api/proposals", "{\"raisedByGroupId\":\""
                    + raisingGroup + "\",\"title\":\"Après les lectures " + ++count[0]
                    + "\",\"description\":\"Fait bouger les modèles de lecture\",\"themes\":[\"accueil\"]}")
                    .expect(201, "raise");
            api.get(queries, "elected", "/api/proposals/" + raised.json().get("id").asText() + "?minVersion=0")
                    .expect(200, "read the new proposal");
        };
    }

    private static String summary(ReadLatency.Result result) {
        return result.latencies().summary(LATENCY) + (result.note().isEmpty() ? "" : "; " + result.note());
    }

    private void readGoal(String goal, ReadLatency.Result result) {
        Latencies latencies = result.latencies();
        double p95 = latencies.percentileMillis(95);
        report.goal(goal, "< 50 ms", latencies.count() == 0 ? "not measured: " + result.note()
                : Report.millis(p95) + " ms (p50 " + Report.millis(latencies.percentileMillis(50)) + ", p99 "
                + Report.millis(latencies.percentileMillis(99)) + ", n=" + latencies.count() + ")"
                + (result.note().isEmpty() ? "" : "; " + result.note()),
                latencies.count() == 0 ? null : p95 < 50);
    }

    private void memory(String when, AppProcess commandSide, AppProcess querySide) {
        report.figure("Resident memory (VmRSS / PSS), " + when, "command side "
                + Report.number(commandSide.residentMiB()) + " / " + Report.number(commandSide.proportionalMiB())
                + " MiB, query side " + Report.number(querySide.residentMiB()) + " / "
                + Report.number(querySide.proportionalMiB()) + " MiB");
    }

    private static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static String percent(double ratio) {
        return String.format(java.util.Locale.ROOT, "%.0f %%", ratio * 100);
    }
}
