package fr.gasp.benchmarks;

import fr.gasp.benchmarks.floor.CommitOverHttp;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

/**
 * The floor over HTTP: {@link CommitOverHttp} (Spring Boot's web server and one committed
 * row per request, nothing of the service) under the command load's clients, in a process of
 * its own started with the apps' JVM options. Told beside the raw commit rate, it says how much
 * of the raw rate HTTP and the stack alone leave to a command API on this machine, and what the
 * service's own work costs on top (issue 6; docs/adr/0027).
 */
final class HttpFloor {

    /** What one measured phase of the floor found. */
    record Measured(long requests, long failures, double seconds, Latencies latencies, Duration floorCpu,
                    Duration postgresCpu, Duration harnessCpu) {

        double perSecond() {
            return requests / seconds;
        }

        String cpuPerRequest() {
            return String.format(java.util.Locale.ROOT, "floor app %.2f, PostgreSQL %.2f, harness (clients) %.2f: "
                            + "%.2f ms in all", millisPerRequest(floorCpu), millisPerRequest(postgresCpu),
                    millisPerRequest(harnessCpu), millisPerRequest(floorCpu.plus(postgresCpu).plus(harnessCpu)));
        }

        private double millisPerRequest(Duration spent) {
            return requests == 0 ? Double.NaN : spent.toNanos() / 1e6 / requests;
        }
    }

    private HttpFloor() {
    }

    /**
     * Starts the floor app on the run's database, sends it the load for {@code warmUp} (not
     * measured: its JIT compiler at work) then for {@code duration}, and stops it.
     */
    static Measured measure(BenchDatabase database, List<String> jvmOptions, Map<String, String> environment,
                            Path logs, int clients, Duration warmUp, Duration duration) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            EventShapedTable.create(statement, CommitOverHttp.TABLE);
        }
        try (AppProcess floor = AppProcess.startMain("floor", CommitOverHttp.class.getName(), jvmOptions, environment,
                logs)) {
            floor.awaitHealthy(Duration.ofMinutes(3), "/floor/health");
            load(floor.baseUrl(), clients, warmUp);
            Duration floorBefore = CpuTime.spent(floor.handle());
            Duration postgresBefore = CpuTime.spentByPostgres();
            Duration harnessBefore = CpuTime.spent(ProcessHandle.current());
            Load measured = load(floor.baseUrl(), clients, duration);
            return new Measured(measured.requests(), measured.failures(), measured.seconds(), measured.latencies(),
                    CpuTime.spent(floor.handle()).minus(floorBefore), CpuTime.spentByPostgres().minus(postgresBefore),
                    CpuTime.spent(ProcessHandle.current()).minus(harnessBefore));
        } finally {
            try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS " + CommitOverHttp.TABLE);
            }
        }
    }

    private record Load(long requests, long failures, double seconds, Latencies latencies) {
    }

    /** The creates' requests, back to back from each client on its own kept-alive connection, answers read as JSON. */
    private static Load load(String floor, int clients, Duration duration) throws Exception {
        LongAdder requests = new LongAdder();
        LongAdder failures = new LongAdder();
        Latencies latencies = new Latencies();
        UUID group = UUID.randomUUID();
        double seconds = ClosedLoop.run("floor-client", clients, duration, (client, running) -> {
            Api api = new Api();
            for (long index = 0; running.getAsBoolean(); index++) {
                Api.Answer answer = api.post(floor, "secretariat", "/floor/proposals",
                        "{\"raisedByGroupId\":\"" + group + "\",\"title\":\"Proposition de charge " + client + "-"
                                + index + "\",\"description\":\"Une proposition envoyée par le banc d'essai, "
                                + "d'une longueur comparable à celles que saisit le secrétariat.\","
                                + "\"themes\":[\"accueil\"]}");
                if (answer.status() == 201 && answer.json().hasNonNull("id")) {
                    latencies.add(answer.nanos());
                    requests.increment();
                } else {
                    failures.increment();
                }
            }
        });
        return new Load(requests.sum(), failures.sum(), seconds, latencies);
    }
}
