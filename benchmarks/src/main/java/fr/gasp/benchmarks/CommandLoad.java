package fr.gasp.benchmarks;

import fr.gasp.benchmarks.Organisations.Gasp;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Commands over HTTP from concurrent clients, each with its own keep-alive connection and
 * sending its next command as soon as the last one is answered. "Creates" raise proposals;
 * "updates" take each client's proposals one step further in turn (discussion, submission,
 * validation by a referent, start of implementation, then progress reports).
 *
 * <p>Projection lag: for every n-th acknowledged command, the time from its HTTP answer to
 * the query side answering a read of that proposal at the version the command answered
 * ({@code ?minVersion=}, which waits on the server until the read model has it). The probe
 * runs on a thread of its own, so the client carries on; it includes one query-side HTTP round trip.
 */
final class CommandLoad {

    /** One phase's figures. */
    record Phase(String name, int clients, long commands, long failures, double seconds, Latencies latencies,
                 Latencies lag, long lagFailures) {

        double perSecond() {
            return commands / seconds;
        }
    }

    private final String commandSide;
    private final String querySide;
    private final Gasp gasp;
    private final int lagSampleEvery;
    /** Each client's proposals and how far each one got, kept from the creates for the updates. */
    private final List<List<long[]>> progress = new CopyOnWriteArrayList<>();
    private final List<List<String>> proposalIds = new CopyOnWriteArrayList<>();
    /** The lag probes' connections to the query side, each used by one probe at a time. */
    private final Queue<Api> probeConnections = new ConcurrentLinkedQueue<>();

    CommandLoad(String commandSide, String querySide, Gasp gasp, int lagSampleEvery) {
        this.commandSide = commandSide;
        this.querySide = querySide;
        this.gasp = gasp;
        this.lagSampleEvery = lagSampleEvery;
    }

    Phase creates(int clients, Duration duration) throws Exception {
        while (proposalIds.size() < clients) {
            proposalIds.add(new ArrayList<>());
            progress.add(new ArrayList<>());
        }
        return run("creates", clients, duration, (client, api, index) -> {
            String group = index % 2 == 0 ? gasp.agents().toString() : gasp.users().toString();
            Api.Answer answer = api.post(commandSide, "secretariat", "/api/proposals",
                    "{\"raisedByGroupId\":\"" + group + "\",\"title\":\"Proposition de charge " + client + "-" + index
                            + "\",\"description\":\"Une proposition envoyée par le banc d'essai, d'une longueur "
                            + "comparable à celles que saisit le secrétariat.\",\"themes\":[\"accueil\"]}");
            if (answer.status() == 201) {
                String id = answer.json().get("id").asText();
                proposalIds.get(client).add(id);
                progress.get(client).add(new long[]{0});
                return new Acknowledged(id, answer.json().get("version").asLong());
            }
            return null;
        });
    }

    Phase updates(int clients, Duration duration) throws Exception {
        return run("updates", clients, duration, (client, api, index) -> {
            List<String> mine = proposalIds.get(client);
            if (mine.isEmpty()) {
                throw new IllegalStateException("client " + client + " raised no proposal to update");
            }
            int which = (int) (index % mine.size());
            String id = mine.get(which);
            long[] step = progress.get(client).get(which);
            String user = "secretariat";
            String path;
            String body;
            switch ((int) Math.min(step[0], 4)) {
                case 0 -> {
                    path = "discussions";
                    body = "{\"groupId\":\"" + gasp.users() + "\",\"summary\":\"Discutée par les usagers\"}";
                }
                case 1 -> {
                    path = "submission";
                    body = "{\"note\":\"Pour la prochaine session\"}";
                }
                case 2 -> {
                    path = "decision";
                    user = "referent";
                    body = "{\"outcome\":\"VALIDATED\",\"rationale\":\"Utile et peu coûteuse\"}";
                }
                case 3 -> {
                    path = "implementation";
                    body = "{\"owner\":\"Maison des services publics\"}";
                }
                default -> {
                    path = "implementation/progress";
                    body = "{\"percent\":" + Math.min(99, step[0] * 3) + ",\"note\":\"Point d'étape\"}";
                }
            }
            Api.Answer answer = api.post(commandSide, user, "/api/proposals/" + id + "/" + path, body);
            if (answer.status() == 200) {
                step[0]++;
                return new Acknowledged(id, answer.json().get("version").asLong());
            }
            return null;
        });
    }

    /** One client, each command followed by its own lag probe: the projection lag at rest. */
    static Latencies lagAtRest(String commandSide, String querySide, Gasp gasp, int commands) throws Exception {
        Api api = new Api();
        Latencies lag = new Latencies();
        for (int index = 0; index < commands; index++) {
            Api.Answer raised = api.post(commandSide, "secretariat", "/api/proposals",
                    "{\"raisedByGroupId\":\"" + gasp.agents() + "\",\"title\":\"Au repos " + index
                            + "\",\"description\":\"Mesure du délai de projection au repos\",\"themes\":[\"accueil\"]}")
                    .expect(201, "raise");
            long acknowledged = System.nanoTime();
            String id = raised.json().get("id").asText();
            api.get(querySide, "elected", "/api/proposals/" + id + "?minVersion=0").expect(200, "read " + id);
            lag.add(System.nanoTime() - acknowledged);
            Thread.sleep(20);
        }
        return lag;
    }

    private record Acknowledged(String proposalId, long version) {
    }

    @FunctionalInterface
    private interface Command {
        /** Sends the client's index-th command; the acknowledgement, or null if refused. */
        Acknowledged send(int client, Api api, long index) throws Exception;
    }

    /**
     * One read at a version, on a kept-alive connection taken from those of the probes
     * (opened when all are in use): true if answered 200.
     */
    private boolean probe(String path) {
        Api api = probeConnections.poll();
        if (api == null) {
            api = new Api();
        }
        try {
            return api.get(querySide, "elected", path).status() == 200;
        } catch (IOException failed) {
            return false;
        } finally {
            probeConnections.add(api);
        }
    }

    private Phase run(String name, int clients, Duration duration, Command command) throws Exception {
        Latencies latencies = new Latencies();
        Latencies lag = new Latencies();
        LongAdder commands = new LongAdder();
        LongAdder failures = new LongAdder();
        LongAdder lagFailures = new LongAdder();
        AtomicLong probesInFlight = new AtomicLong();
        // A thread per probe in flight, none waiting for another to end (that would add to the lag measured).
        ExecutorService probes = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, name + "-lag-probe");
            thread.setDaemon(true);
            return thread;
        });
        double seconds;
        try {
            seconds = ClosedLoop.run(name + "-client", clients, duration, (client, running) -> {
                Api api = new Api();
                long index = 0;
                while (running.getAsBoolean()) {
                    long started = System.nanoTime();
                    Acknowledged acknowledged = command.send(client, api, index++);
                    long answered = System.nanoTime();
                    if (acknowledged == null) {
                        failures.increment();
                        continue;
                    }
                    latencies.add(answered - started);
                    commands.increment();
                    if (index % lagSampleEvery == 0) {
                        probesInFlight.incrementAndGet();
                        String path = "/api/proposals/" + acknowledged.proposalId() + "?minVersion="
                                + acknowledged.version();
                        probes.execute(() -> {
                            if (probe(path)) {
                                lag.add(System.nanoTime() - answered);
                            } else {
                                lagFailures.increment();
                            }
                            probesInFlight.decrementAndGet();
                        });
                    }
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (probesInFlight.get() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } finally {
            probes.shutdown();
        }
        return new Phase(name, clients, commands.sum(), failures.sum(), seconds, latencies, lag, lagFailures.sum());
    }
}
