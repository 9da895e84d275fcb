package fr.gasp.system;

import fr.gasp.system.CommandClient.Reply;
import fr.gasp.system.EventStoreRows.Row;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every command sent under load and what came back, then checked against the event store.
 * A command is one intent: the requests that carry one {@code Idempotency-Key} are one
 * command (a retry), each request without a key is a command of its own. A command is
 * acknowledged if one of its requests got a 2xx; a request that got no answer at all (the
 * process was killed, the connection reset) or a 5xx leaves its command unknown.
 */
final class CommandLedger {

    /** One request: the command it stands for, and its answer or why there was none. */
    record Sent(String identity, ProposalCommand command, Reply reply, String noAnswer) {
    }

    private final List<Sent> sent = new ArrayList<>();
    private final AtomicLong unkeyed = new AtomicLong();

    /** An identity for a command sent without a key. */
    String newIdentity() {
        return "request-" + unkeyed.incrementAndGet();
    }

    synchronized void answered(String identity, ProposalCommand command, Reply reply) {
        sent.add(new Sent(identity, command, reply, null));
    }

    synchronized void unanswered(String identity, ProposalCommand command, Exception why) {
        sent.add(new Sent(identity, command, null, why.toString()));
    }

    synchronized List<Sent> all() {
        return List.copyOf(sent);
    }

    /** How many requests got each status (-1: no answer). */
    synchronized Map<Integer, Integer> statuses() {
        Map<Integer, Integer> statuses = new TreeMap<>();
        sent.forEach(request -> statuses.merge(request.reply() == null ? -1 : request.reply().status(), 1, Integer::sum));
        return statuses;
    }

    /** Refusals by title (a 409 is a concurrent modification or a step the lifecycle forbids). */
    synchronized Map<String, Integer> refusals() {
        Map<String, Integer> titles = new TreeMap<>();
        sent.stream().filter(request -> request.reply() != null && !request.reply().acknowledged())
                .forEach(request -> titles.merge(request.reply().status() + " " + (request.reply().json() == null
                        ? "?" : request.reply().json().path("title").asText()), 1, Integer::sum));
        return titles;
    }

    /** Answers that are neither a 2xx nor a 409 problem+json with its status, title and detail. */
    synchronized List<String> notAcknowledgedNorConflict() {
        List<String> wrong = new ArrayList<>();
        for (Sent request : sent) {
            Reply reply = request.reply();
            if (reply == null || reply.acknowledged()) {
                continue;
            }
            boolean problem = reply.status() == 409 && reply.contentType().startsWith("application/problem+json")
                    && reply.json() != null && reply.json().path("status").asInt() == 409
                    && !reply.json().path("title").asText().isBlank() && !reply.json().path("detail").asText().isBlank();
            if (!problem) {
                wrong.add(request.command().path() + " " + request.command().body() + " -> " + reply);
            }
        }
        return wrong;
    }

    /** Requests that got no answer at all. */
    synchronized List<String> unanswered() {
        return sent.stream().filter(request -> request.reply() == null)
                .map(request -> request.command().path() + " -> " + request.noAnswer()).toList();
    }

    /** The answer each acknowledged command got, by identity; several different answers to one command is a fault. */
    synchronized Map<String, Sent> acknowledged(List<String> faults) {
        Map<String, Sent> acknowledged = new LinkedHashMap<>();
        for (Sent request : sent) {
            if (request.reply() == null || !request.reply().acknowledged()) {
                continue;
            }
            Sent first = acknowledged.putIfAbsent(request.identity(), request);
            if (first != null && !Objects.equals(first.reply().json(), request.reply().json())) {
                faults.add("one command (" + request.identity() + ") answered twice differently: " + first.reply()
                        + " then " + request.reply());
            }
            if (first != null && request.reply().status() != first.reply().status()) {
                faults.add("one command (" + request.identity() + ") answered " + first.reply().status() + " then "
                        + request.reply().status());
            }
        }
        return acknowledged;
    }

    /**
     * Checks the store against the answers: every acknowledged command's event is stored once,
     * at the version it was told, with the type its command records; no two commands were
     * acknowledged with one version; and each aggregate holds no more events than its
     * acknowledged commands plus those left unknown (none if every request was answered 2xx or 4xx).
     */
    List<String> storeFaults(String databaseUrl, Collection<String> aggregateIds) throws Exception {
        List<String> faults = new ArrayList<>();
        Map<String, Sent> acknowledged = acknowledged(faults);
        Set<String> aggregates = new TreeSet<>(aggregateIds);
        acknowledged.values().forEach(command -> aggregates.add(command.reply().id()));
        Map<String, List<Row>> stored = EventStoreRows.of(databaseUrl, aggregates);

        Map<String, String> versions = new HashMap<>();
        Map<String, Integer> acknowledgedPerAggregate = new HashMap<>();
        for (Map.Entry<String, Sent> command : acknowledged.entrySet()) {
            Reply reply = command.getValue().reply();
            String place = reply.id() + "@" + reply.version();
            String other = versions.putIfAbsent(place, command.getKey());
            if (other != null) {
                faults.add("two commands acknowledged with " + place + ": " + other + " and " + command.getKey());
            }
            acknowledgedPerAggregate.merge(reply.id(), 1, Integer::sum);
            List<Row> matches = stored.getOrDefault(reply.id(), List.of()).stream()
                    .filter(row -> row.sequence() == reply.version()).toList();
            if (matches.size() != 1) {
                faults.add("acknowledged " + command.getValue().command().path() + " -> " + reply + " is stored "
                        + matches.size() + " times");
            } else if (!command.getValue().command().eventTypes().contains(matches.get(0).payloadType())) {
                faults.add("acknowledged " + command.getValue().command().path() + " -> " + reply + " but "
                        + place + " holds " + matches.get(0).payloadType());
            }
        }

        Map<String, Integer> unknownPerAggregate = new HashMap<>();
        for (Sent request : all()) {
            // A 5xx promises nothing: the commit may have happened before the failure was seen.
            boolean unknown = request.reply() == null || request.reply().status() >= 500;
            // (A raise left unknown may have stored a proposal of its own, which no answer names.)
            if (unknown && !acknowledged.containsKey(request.identity()) && request.command().proposalId() != null) {
                unknownPerAggregate.merge(request.command().proposalId(), 1, Integer::sum);
            }
        }
        for (String aggregate : aggregates) {
            List<Row> events = stored.getOrDefault(aggregate, List.of());
            for (int sequence = 0; sequence < events.size(); sequence++) {
                if (events.get(sequence).sequence() != sequence) {
                    faults.add(aggregate + ": sequence numbers not contiguous: " + events);
                    break;
                }
            }
            // The raise of a proposal raised before the load is not in this ledger: it is its first event.
            boolean raisedHere = acknowledged.values().stream().anyMatch(command ->
                    command.command().proposalId() == null && command.reply().id().equals(aggregate));
            int expected = acknowledgedPerAggregate.getOrDefault(aggregate, 0) + (raisedHere ? 0 : 1);
            int unknown = unknownPerAggregate.getOrDefault(aggregate, 0);
            if (events.size() < expected || events.size() > expected + unknown) {
                faults.add(aggregate + ": " + events.size() + " events stored, " + expected
                        + " acknowledged (raise included), " + unknown + " left unknown");
            }
        }
        return faults;
    }
}
