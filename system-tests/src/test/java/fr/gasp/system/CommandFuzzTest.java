package fr.gasp.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gasp.platform.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of generated requests thrown at every command endpoint: bodies that look valid,
 * bodies with one field wrong (type, length, format, range), broken JSON, deep nesting, huge
 * strings and lists, random bytes, wrong content types, odd headers, real ids mixed with
 * random ones. Whatever comes in, the command side never answers 5xx, every refusal is a
 * problem+json with {@code status}, {@code title} and {@code detail}, a refused request
 * leaves the event store, the member registry and the idempotency records as they were, and
 * what was accepted can still be projected by the query side.
 *
 * <p>Reproducible: the seed is printed; {@code -Dgasp.fuzz.seed=N} replays a run and
 * {@code -Dgasp.fuzz.requests=N} changes its length.
 */
@ExtendWith(BothApps.class)
class CommandFuzzTest {

    private static final long DEFAULT_SEED = 20_261_122L;
    /**
     * Bounded by time rather than by taste: every request is authenticated with HTTP Basic, and
     * checking a password (bcrypt) costs the server about 90 ms of CPU here, so two cores answer
     * some twenty requests a second whatever the request is.
     */
    private static final int DEFAULT_REQUESTS = 4_000;
    /** Two clients keep both cores of the machine busy. */
    private static final int DEFAULT_THREADS = 2;
    private static final int BODY_LIMIT = 512 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final ThreadLocal<Random> randoms = new ThreadLocal<>();
    private String base;
    private final Pools pools = new Pools();
    private final Ledger ledger = new Ledger();

    @Test
    void no_hostile_request_gets_a_5xx_nor_changes_what_is_stored(GaspService service) throws Exception {
        long seed = Long.getLong("gasp.fuzz.seed", DEFAULT_SEED);
        int requests = Integer.getInteger("gasp.fuzz.requests", DEFAULT_REQUESTS);
        int threads = Math.max(1, Integer.getInteger("gasp.fuzz.threads", DEFAULT_THREADS));
        System.out.println("[fuzz] seed " + seed + " (replay with -Dgasp.fuzz.seed=" + seed + "; "
                + "-Dgasp.fuzz.threads=1 replays the very same sequence), " + requests + " requests, " + threads
                + " clients");
        base = service.commandSide.baseUrl();
        randoms.set(new Random(seed));
        seedState(service);

        Map<Integer, Integer> statuses = new TreeMap<>();
        Map<String, Integer> acceptedByEndpoint = new TreeMap<>();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        Stored before;
        long started = System.nanoTime();
        try (Connection database = TestDatabase.connect(service.databaseUrl)) {
            before = Stored.read(database);
            ExecutorService clients = Executors.newFixedThreadPool(threads);
            List<Future<?>> done = new ArrayList<>();
            for (int client = 0; client < threads; client++) {
                int first = client;
                done.add(clients.submit(() -> {
                    randoms.set(new Random(seed * 31 + first));
                    // Alone, a client checks the store around each request and names the request at fault.
                    try (Connection own = threads == 1 ? TestDatabase.connect(service.databaseUrl) : null) {
                        String stored = own == null ? null : fingerprint(own);
                        for (int index = first; index < requests; index += threads) {
                            Endpoint endpoint = ENDPOINTS.get(random().nextInt(ENDPOINTS.size()));
                            Attempt attempt = attempt(endpoint);
                            Reply reply;
                            try {
                                reply = send(attempt);
                            } catch (java.io.IOException e) {
                                failures.add(describe(index, attempt, null) + " -> no answer: " + e);
                                continue;
                            }
                            String after = own == null ? null : fingerprint(own);
                            String problem = check(reply, stored, after);
                            if (problem != null) {
                                failures.add(describe(index, attempt, reply) + " -> " + problem);
                            }
                            stored = after;
                            synchronized (statuses) {
                                statuses.merge(reply.status, 1, Integer::sum);
                                if (reply.status / 100 == 2) {
                                    acceptedByEndpoint.merge(endpoint.name(), 1, Integer::sum);
                                }
                            }
                            if (reply.status / 100 == 2) {
                                pools.learn(endpoint.name(), reply);
                                if (!reply.replayed) {
                                    ledger.accepted(endpoint.name(), attempt, reply);
                                }
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : done) {
                client.get();
            }
            clients.shutdown();
            // Every change to the store since the start is explained by an answer that said it was accepted.
            failures.addAll(ledger.unexplained(before, Stored.read(database)));
        }
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        System.out.println("[fuzz] seed " + seed + ": " + requests + " requests by " + threads + " clients in "
                + millis + " ms (" + millis * threads / Math.max(1, requests) + " ms a request per client); statuses "
                + statuses + "; accepted per endpoint " + acceptedByEndpoint
                + "; events recorded " + ledger.events.size());

        // Whatever was accepted, the query side could store it: a fresh proposal is readable.
        String probe = service.command("secretariat", "POST", "/api/proposals",
                "{\"raisedByGroupId\":\"" + pools.organisation.agentsGroupId() + "\",\"title\":\"Sonde\","
                        + "\"description\":\"Après le fuzz\",\"themes\":[\"sonde\"]}").id();
        GaspService.Answer read = service.read("auditor", "/api/proposals/" + probe + "?minVersion=0");
        if (read.status() != 200) {
            failures.add("the query side no longer projects events after the fuzz (an accepted event it cannot store?): "
                    + read);
        }
        assertThat(failures).as(failures.size() + " requests mishandled (seed " + seed + "), first ones:\n"
                + String.join("\n", failures.subList(0, Math.min(60, failures.size())))).isEmpty();
    }

    private Random random() {
        return randoms.get();
    }

    /** What must hold for any answer; {@code null} when it does. The store is compared when one client runs alone. */
    private static String check(Reply reply, String before, String after) {
        if (reply.status >= 500) {
            return "server error";
        }
        if (reply.status / 100 == 2) {
            if (!reply.contentType.contains("json") || reply.json == null || !reply.json.hasNonNull("id")) {
                return "accepted without {id, version}";
            }
            if (reply.replayed && before != null && !before.equals(after)) {
                return "a replayed answer changed what is stored: " + before + " -> " + after;
            }
            return null;
        }
        if (!reply.contentType.startsWith("application/problem+json")) {
            return "refusal is not problem+json";
        }
        if (reply.json == null || reply.json.path("status").asInt() != reply.status
                || reply.json.path("title").asText().isBlank() || reply.json.path("detail").asText().isBlank()) {
            return "problem without status, title or detail";
        }
        if (before != null && !before.equals(after)) {
            return "a refused request changed what is stored: " + before + " -> " + after;
        }
        return null;
    }

    private static String describe(int index, Attempt attempt, Reply reply) {
        String body = attempt.body == null ? "<none>" : new String(attempt.body, 0, Math.min(attempt.body.length, 240),
                StandardCharsets.UTF_8).replace("\n", "\\n") + (attempt.body.length > 240 ? "…(" + attempt.body.length + " bytes)" : "");
        return "#" + index + " " + attempt.method + " " + attempt.path + " [" + attempt.mutation + "] as " + attempt.user
                + " type=" + attempt.contentType + " accept=" + attempt.accept + " key=" + abbreviate(attempt.idempotencyKey)
                + " body=" + body
                + (reply == null ? "" : " => " + reply.status + " " + reply.contentType + " " + abbreviate(reply.text));
    }

    private static String abbreviate(String text) {
        return text == null ? null : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    // ---------------------------------------------------------------- the endpoints and their bodies

    enum Kind { UUID, TEXT, DATE, ENUM, INT, TEXT_LIST, UUID_LIST, OBJECT }

    /** One field of a body: its type, what it accepts, and where real ids come from. */
    record Field(String name, Kind kind, boolean required, int max, String pool, List<String> values,
                 List<Field> fields) {

        static Field uuid(String name, String pool, boolean required) {
            return new Field(name, Kind.UUID, required, 0, pool, List.of(), List.of());
        }

        static Field text(String name, int max, boolean required) {
            return new Field(name, Kind.TEXT, required, max, null, List.of(), List.of());
        }

        static Field date(String name) {
            return new Field(name, Kind.DATE, false, 0, null, List.of(), List.of());
        }

        static Field choice(String name, String... values) {
            return new Field(name, Kind.ENUM, true, 0, null, List.of(values), List.of());
        }

        static Field integer(String name, int max, boolean required) {
            return new Field(name, Kind.INT, required, max, null, List.of(), List.of());
        }

        static Field texts(String name, int maxItems, int itemMax, boolean required) {
            return new Field(name, Kind.TEXT_LIST, required, maxItems, null, List.of(String.valueOf(itemMax)), List.of());
        }

        static Field uuids(String name, String pool, int maxItems, boolean required) {
            return new Field(name, Kind.UUID_LIST, required, maxItems, pool, List.of(), List.of());
        }

        static Field object(String name, List<Field> fields) {
            return new Field(name, Kind.OBJECT, false, 0, null, List.of(), fields);
        }
    }

    private static final List<Field> CADENCE = List.of(Field.integer("agentsMeetings", 366, true),
            Field.integer("usersMeetings", 366, true), Field.integer("referentsSessions", 366, true),
            Field.integer("jointMeetings", 366, true), Field.date("occurredOn"));

    /** A command endpoint: method, path with ids, who may call it, and its body's fields. */
    record Endpoint(String name, String method, String user, Function<CommandFuzzTest, String> path,
                    List<Field> fields) {

        Attempt attempt(CommandFuzzTest fuzz) {
            return fuzz.attempt(this);
        }
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("gasps", "POST", "secretariat", f -> "/api/gasps", List.of(
                    Field.text("name", 200, true), Field.texts("communes", 50, 200, true),
                    Field.object("cadence", CADENCE), Field.date("occurredOn"))),
            new Endpoint("cadence", "PUT", "secretariat", f -> "/api/gasps/" + f.pathId("gasp") + "/cadence", CADENCE),
            new Endpoint("groups", "POST", "secretariat", f -> "/api/groups", List.of(
                    Field.uuid("gaspId", "gasp", true), Field.choice("kind", "AGENTS", "USERS", "REFERENTS"),
                    Field.text("name", 200, true), Field.date("occurredOn"))),
            new Endpoint("members", "POST", "secretariat", f -> "/api/groups/" + f.pathId("group") + "/members", List.of(
                    Field.text("displayName", 200, true), Field.text("institution", 200, false),
                    Field.text("role", 100, false), Field.date("occurredOn"))),
            new Endpoint("member-departure", "DELETE", "secretariat", f -> "/api/groups/" + f.pathId("group")
                    + "/members/" + f.pathId("member") + f.dateParameter(), List.of()),
            new Endpoint("personal-data", "DELETE", "admin", f -> "/api/members/" + f.pathId("member")
                    + "/personal-data", List.of()),
            new Endpoint("meetings", "POST", "secretariat", f -> "/api/meetings", List.of(
                    Field.uuid("gaspId", "gasp", true), Field.choice("kind", "GROUP", "REFERENTS_SESSION", "JOINT"),
                    Field.uuid("groupId", "group", false), Field.date("occurredOn"),
                    Field.integer("attendeeCount", 200, false), Field.uuids("attendeeIds", "member", 500, false))),
            new Endpoint("minutes", "PUT", "secretariat", f -> "/api/meetings/" + f.pathId("meeting") + "/minutes",
                    List.of(Field.text("text", 100_000, true), Field.date("occurredOn"))),
            new Endpoint("restitution", "POST", "secretariat", f -> "/api/meetings/" + f.pathId("meeting")
                    + "/restitution", List.of(Field.uuids("proposalIds", "proposal", 500, true))),
            new Endpoint("proposals", "POST", "secretariat", f -> "/api/proposals", List.of(
                    Field.uuid("raisedByGroupId", "group", true), Field.uuid("meetingId", "meeting", false),
                    Field.text("title", 200, true), Field.text("description", 10_000, true),
                    Field.texts("themes", 20, 100, true), Field.date("occurredOn"))),
            proposalStep("discussions", "secretariat", Field.uuid("groupId", "group", true),
                    Field.uuid("meetingId", "meeting", false), Field.text("summary", 10_000, true)),
            proposalStep("amendments", "secretariat", Field.text("title", 200, false),
                    Field.text("description", 10_000, false), Field.texts("themes", 20, 100, false)),
            proposalStep("submission", "secretariat", Field.uuid("meetingId", "meeting", false),
                    Field.text("note", 10_000, false)),
            proposalStep("decision", "referent", Field.choice("outcome", "VALIDATED", "REJECTED", "UNDER_STUDY"),
                    Field.text("rationale", 10_000, false), Field.uuid("meetingId", "meeting", false)),
            proposalStep("implementation", "secretariat", Field.text("owner", 200, true), Field.date("targetDate")),
            proposalStep("implementation/progress", "secretariat", Field.integer("percent", 100, true),
                    Field.text("note", 10_000, false)),
            proposalStep("implementation/completion", "secretariat", Field.text("outcome", 10_000, true)),
            proposalStep("withdrawal", "secretariat", Field.text("reason", 10_000, true)));

    private static Endpoint proposalStep(String step, String user, Field... fields) {
        List<Field> all = new ArrayList<>(List.of(fields));
        all.add(Field.date("occurredOn"));
        return new Endpoint(step, "POST", user, f -> "/api/proposals/" + f.pathId("proposal") + "/" + step, all);
    }

    // ---------------------------------------------------------------- generating one request

    /** One generated request, with what was done to it (for the report of a failure). */
    record Attempt(String method, String path, String user, String contentType, String accept,
                   String idempotencyKey, byte[] body, String mutation) {
    }

    /** A piece of JSON text written as is: numbers out of any range, deep nesting, broken values. */
    record Raw(String text) {
    }

    Attempt attempt(Endpoint endpoint) {
        String path = endpoint.path.apply(this);
        String user = chance(12) ? pick("elected", "auditor", "referent", "admin", "nobody") : endpoint.user;
        String contentType = "application/json";
        String accept = chance(10) ? pick("text/html", "application/xml", "*/*", "application/json",
                "application/problem+json", "text/csv", "image/png", "garbage", "application/*") : null;
        String key = idempotencyKey();
        byte[] body;
        String mutation;
        if (endpoint.fields.isEmpty()) {
            int roll = random().nextInt(10);
            mutation = roll < 8 ? "no body" : "unexpected body";
            body = roll < 8 ? null : bytes(pick("{}", "{\"reason\":\"x\"}", "[1,2]", "garbage"));
            contentType = roll < 8 ? null : contentType;
            return new Attempt(endpoint.method, path, user, contentType, accept, key, body, mutation);
        }
        Map<String, Object> values = validBody(endpoint.fields);
        int roll = random().nextInt(100);
        if (roll < 30) {
            mutation = "valid-looking";
            body = bytes(json(values));
        } else if (roll < 62) {
            StringBuilder done = new StringBuilder("fields:");
            int count = 1 + random().nextInt(3);
            for (int i = 0; i < count; i++) {
                done.append(' ').append(mutateField(values, endpoint.fields));
            }
            mutation = done.toString();
            body = bytes(json(values));
        } else if (roll < 74) {
            String text = json(values);
            int kind = random().nextInt(7);
            switch (kind) {
                case 0 -> {
                    mutation = "truncated";
                    text = text.substring(0, random().nextInt(Math.max(1, text.length())));
                }
                case 1 -> {
                    mutation = "duplicate key";
                    String first = endpoint.fields.get(0).name();
                    text = "{\"" + first + "\":" + json(randomScalar()) + "," + text.substring(1);
                }
                case 2 -> {
                    mutation = "trailing garbage";
                    text = text + pick(" x", "}", "{}", ",", " {\"a\":1}", "]", "\u0000", " // comment");
                }
                case 3 -> {
                    mutation = "top-level non-object";
                    text = pick("[]", "null", "\"texte\"", "123", "true", "[{}]", "", "   ", "{", "}", "{}");
                }
                case 4 -> {
                    mutation = "syntax: comments, quotes, NaN";
                    text = pick("{'title':'x'}", "{title:\"x\"}", "{\"percent\":NaN}", "{\"percent\":Infinity}",
                            "/* c */" + text, "{\"a\":1,}", "{\"a\" 1}", "{\"a\":01}", "{\"a\":+1}", "{\"a\":.5}",
                            "{\"\\u0000\":1}", "{\"a\":\"\\x41\"}", "{\"a\":\"\\uZZZZ\"}", "{\"a\":\"" + "\t" + "\"}");
                }
                case 5 -> {
                    mutation = "byte flips";
                    byte[] raw = bytes(text);
                    for (int i = 0, n = 1 + random().nextInt(4); i < n && raw.length > 0; i++) {
                        raw[random().nextInt(raw.length)] = (byte) random().nextInt(256);
                    }
                    return new Attempt(endpoint.method, path, user, contentType, accept, key, raw, mutation);
                }
                default -> {
                    mutation = "invalid UTF-8 inside a string";
                    byte[] raw = bytes(text);
                    byte[] bad = pickBytes();
                    int at = text.indexOf(":\"");
                    if (at < 0) {
                        at = 0;
                    } else {
                        at += 2;
                    }
                    byte[] spliced = new byte[raw.length + bad.length];
                    System.arraycopy(raw, 0, spliced, 0, at);
                    System.arraycopy(bad, 0, spliced, at, bad.length);
                    System.arraycopy(raw, at, spliced, at + bad.length, raw.length - at);
                    return new Attempt(endpoint.method, path, user, contentType, accept, key, spliced, mutation);
                }
            }
            body = bytes(text);
        } else if (roll < 79) {
            int depth = pick(25, 200, 1_500, 20_000, 100_000);
            boolean objects = random().nextBoolean();
            String nested = objects ? "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)
                    : "[".repeat(depth) + "]".repeat(depth);
            if (random().nextBoolean()) {
                mutation = "deep nesting of the body (" + depth + ")";
                body = bytes(nested);
            } else {
                Field field = endpoint.fields.get(random().nextInt(endpoint.fields.size()));
                mutation = "deep nesting in " + field.name() + " (" + depth + ")";
                values.put(field.name(), new Raw(nested));
                body = bytes(json(values));
            }
        } else if (roll < 84) {
            Field field = endpoint.fields.get(random().nextInt(endpoint.fields.size()));
            int size = pick(600 * 1024, BODY_LIMIT + 1, 2 * 1024 * 1024 - 100, 100_001, 300_000);
            if (field.kind() == Kind.TEXT_LIST || field.kind() == Kind.UUID_LIST) {
                List<Object> items = new ArrayList<>();
                for (int i = 0; i < size / 40; i++) {
                    items.add(field.kind() == Kind.TEXT_LIST ? "t" + i : UUID.randomUUID().toString());
                }
                values.put(field.name(), items);
                mutation = "huge list in " + field.name() + " (" + items.size() + ")";
            } else {
                values.put(field.name(), "é".repeat(size / 2));
                mutation = "huge string in " + field.name() + " (" + size + " bytes)";
            }
            body = bytes(json(values));
        } else if (roll < 88) {
            mutation = "random bytes";
            body = new byte[random().nextInt(3_000)];
            random().nextBytes(body);
        } else {
            mutation = "content type";
            body = bytes(json(values));
            int kind = random().nextInt(4);
            if (kind == 0) {
                mutation = "missing body";
                body = null;
                contentType = chance(2) ? null : contentType;
            } else {
                contentType = pick(null, "text/plain", "application/xml", "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=xyz", "application/json; charset=UTF-8",
                        "application/json; charset=ISO-8859-1", "application/json; charset=klingon",
                        "application/json; charset=", "application/json; charset=UTF-16",
                        "application/problem+json", "application/vnd.api+json", "*/*", "application/*", "garbage",
                        "application/json, text/plain", "text/json", "application/x-ndjson", "application/",
                        "application/json; boundary=\"", "application/octet-stream", "text/html; charset=utf-8");
                mutation = "content type " + contentType;
                if (kind == 3) {
                    body = bytes(pick("name=x&communes=y", "<proposal><title>x</title></proposal>", ""));
                }
            }
        }
        return new Attempt(endpoint.method, path, user, contentType, accept, key, body, mutation);
    }

    private String idempotencyKey() {
        int roll = random().nextInt(100);
        if (roll < 88) {
            return null;
        }
        if (roll < 94) {
            return "fuzz-" + random().nextInt(6);
        }
        if (roll < 97) {
            return UUID.randomUUID().toString();
        }
        // Only what HttpClient sends as is (it would turn "clé" into "cl?").
        return pick("", " ", "k".repeat(201), "k".repeat(200), "\t", "a b", "\"quoted\"");
    }

    private Map<String, Object> validBody(List<Field> fields) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field field : fields) {
            if (field.required() || chance(2)) {
                Object value = validValue(field);
                if (value != null || field.required()) {
                    values.put(field.name(), value);
                }
            }
        }
        return values;
    }

    private Object validValue(Field field) {
        return switch (field.kind()) {
            case UUID -> pools.realId(field.pool(), random());
            case TEXT -> words(1 + random().nextInt(Math.min(8, field.max())));
            case DATE -> chance(3) ? validDate(field.name()) : null;
            case ENUM -> field.values().get(random().nextInt(field.values().size()));
            case INT -> random().nextInt(Math.min(field.max(), 20) + 1);
            case TEXT_LIST -> {
                List<Object> items = new ArrayList<>();
                for (int i = 0, n = 1 + random().nextInt(3); i < n; i++) {
                    items.add(words(1 + random().nextInt(3)));
                }
                yield items;
            }
            case UUID_LIST -> {
                List<Object> items = new ArrayList<>();
                for (int i = 0, n = random().nextInt(3) + (field.required() ? 1 : 0); i < n; i++) {
                    items.add(pools.realId(field.pool(), random()));
                }
                yield items;
            }
            case OBJECT -> validBody(field.fields());
        };
    }

    private String validDate(String field) {
        LocalDate today = LocalDate.now();
        if (field.equals("targetDate")) {
            return today.plusDays(random().nextInt(2_000) - 200).toString();
        }
        return chance(2) ? today.toString() : today.minusDays(random().nextInt(9_000)).toString();
    }

    /** Breaks one field of the body; answers what it did. */
    private String mutateField(Map<String, Object> values, List<Field> fields) {
        Field field = fields.get(random().nextInt(fields.size()));
        String name = field.name();
        int roll = random().nextInt(10);
        if (roll == 0) {
            values.remove(name);
            return name + "=absent";
        }
        if (roll == 1) {
            values.put(name, null);
            return name + "=null";
        }
        if (roll == 2) {
            String unknown = pick("occuredOn", "id", "version", "__proto__", "constructor", "actor", "gaspid", "",
                    "name\u0000", "extra");
            values.put(unknown, randomScalar());
            return "unknown field «" + unknown + "»";
        }
        if (roll == 3) {
            Object wrong = pick(123, true, false, Map.of(), List.of(), "texte", 1.5, List.of(1, 2),
                    Map.of("a", "b"), new Raw("-0"), List.of(List.of()));
            values.put(name, wrong);
            return name + "=wrong type " + json(wrong);
        }
        Object value = switch (field.kind()) {
            case UUID -> pick(UUID.randomUUID().toString(), "pas-un-uuid", "", "00000000-0000-0000-0000-000000000000",
                    pools.realId(field.pool(), random()).toUpperCase(Locale.ROOT),
                    pools.realId(field.pool(), random()).replace("-", ""), "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz",
                    UUID.randomUUID() + "x", "{" + UUID.randomUUID() + "}", "1-1-1-1-1", " " + UUID.randomUUID(),
                    pools.realId(pick("gasp", "group", "meeting", "proposal", "member"), random()));
            case TEXT -> hostileText(field.max());
            case DATE -> pick("2001-02-30", "2001-13-01", "+999999999-12-31", "-999999999-01-01", "0000-01-01",
                    "1899-12-31", "1000-01-01", "0001-01-01", "9999-12-31", "01/02/2001", "2001-1-1", "",
                    "2001-01-01T00:00:00Z", "20010101", LocalDate.now().plusDays(1).toString(), "2000-05-31",
                    "1999-12-31", "1970-01-01", "+10000-01-01", "2100-01-01", "demain");
            case ENUM -> pick("validated", "", "UNKNOWN", 0, 1, 2, 99, " " + field.values().get(0),
                    field.values().get(0) + "\u0000", "null", List.of(field.values().get(0)));
            case INT -> pick(-1, field.max() + 1, 2_147_483_647, new Raw("2147483648"), new Raw("-2147483649"),
                    new Raw("1e30"), new Raw("99999999999999999999999"), 50.5, new Raw("1e-30"), "50",
                    new Raw("1" + "0".repeat(1_500)), new Raw("-0"), new Raw("1E2"), new Raw("100.0"), "");
            case TEXT_LIST -> pick(List.of(), hugeList(field.max() + 1, false), hugeList(5_000, false),
                    nullItems(), List.of(List.of("x")), List.of(1, 2), "une seule", List.of(""),
                    List.of(hostileText(Integer.parseInt(field.values().get(0)))), List.of(Map.of()));
            case UUID_LIST -> pick(List.of(), hugeList(field.max() + 1, true), hugeList(20_000, true), nullItems(),
                    List.of("pas-un-uuid"), List.of(1), pools.realId(field.pool(), random()),
                    List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString()), List.of(List.of()));
            case OBJECT -> pick(Map.of(), List.of(), "cadence", Map.of("agentsMeetings", -1),
                    Map.of("agentsMeetings", 1, "usersMeetings", 1, "referentsSessions", 1, "jointMeetings", 1,
                            "extra", 1));
        };
        values.put(name, value);
        return name + "=" + abbreviate(json(value));
    }

    private String hostileText(int max) {
        return pick("", "   ", "\t\n", "x".repeat(max + 1), "é".repeat(max + 1), "x".repeat(max),
                "a\u0000b", "\u0000", "\u0007\u0008", "\u001b[31mrouge", "x\ud800y", "\udc00", "\uffff", "\ufffe",
                "\u202Eevil", "🙂".repeat(3), "\u200B", "'); DROP TABLE domain_event_entry;--",
                "<script>alert(1)</script>", "${jndi:ldap://x}", "%s%n%x", "null", "\r\n\r\nHTTP/1.1 200 OK",
                "e\u0301", "\u0085\u2028\u2029", "a".repeat(Math.min(max * 3, 400_000)));
    }

    private List<Object> hugeList(int size, boolean uuids) {
        List<Object> items = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            items.add(uuids ? UUID.randomUUID().toString() : "t" + i);
        }
        return items;
    }

    private static List<Object> nullItems() {
        List<Object> items = new ArrayList<>();
        items.add(null);
        return items;
    }

    private Object randomScalar() {
        return pick("x", 1, true, null, new Raw("1e999"), List.of(), Map.of());
    }

    private String words(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : " ").append(pick("accueil", "mairie", "Poste", "horaires", "guichet",
                    "bibliothèque", "PMI", "usagers", "l'école", "transport", "CAF", "déchèterie", "« santé »"));
        }
        return text.toString();
    }

    private String pathId(String pool) {
        int roll = random().nextInt(20);
        if (roll < 15) {
            return pools.realId(pool, random());
        }
        if (roll < 17) {
            return UUID.randomUUID().toString();
        }
        return pick("pas-un-uuid", "0", "00000000-0000-0000-0000-000000000000", "null", "-1", "1e30",
                UUID.randomUUID().toString().toUpperCase(Locale.ROOT), UUID.randomUUID().toString().replace("-", ""),
                "x".repeat(300), "%20", "%C3%A9", "%00", "%2F", "%25", "..", "%2e%2e", "a;b=c", "~", "'");
    }

    private String dateParameter() {
        return pick("", "", "", "?occurredOn=" + LocalDate.now(), "?occurredOn=2001-02-30", "?occurredOn=demain",
                "?occurredOn=" + LocalDate.now().plusDays(3), "?occurredOn=-999999999-01-01",
                "?occurredOn=1899-01-01", "?occurredOn=", "?occurredOn=2000-01-01&occurredOn=2001-01-01",
                "?other=1");
    }

    private byte[] pickBytes() {
        return switch (random().nextInt(5)) {
            case 0 -> new byte[] {(byte) 0xC3, 0x28};
            case 1 -> new byte[] {(byte) 0xC0, (byte) 0xAF};
            case 2 -> new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80};
            case 3 -> new byte[] {(byte) 0xFF};
            default -> new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80};
        };
    }

    private boolean chance(int oneIn) {
        return random().nextInt(oneIn) == 0;
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random().nextInt(options.length)];
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** JSON text of a value, written by hand so that broken values (Raw) go through as they are. */
    static String json(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Raw raw) {
            out.append(raw.text());
        } else if (value instanceof String text) {
            out.append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20 || Character.isSurrogate(c)) {
                    // Surrogates escaped, so a lone one reaches the server as JSON allows it.
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            out.append('"');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(first ? "" : ",");
                write(out, String.valueOf(entry.getKey()));
                out.append(':');
                write(out, entry.getValue());
                first = false;
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(out, list.get(i));
            }
            out.append(']');
        } else {
            out.append(value);
        }
    }

    // ---------------------------------------------------------------- sending and checking

    record Reply(int status, String contentType, String text, JsonNode json, String location, boolean replayed) {
    }

    private Reply send(Attempt attempt) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + attempt.path))
                .timeout(Duration.ofSeconds(30))
                .method(attempt.method, attempt.body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(attempt.body));
        if (attempt.contentType != null) {
            request.header("Content-Type", attempt.contentType);
        }
        if (attempt.accept != null) {
            request.header("Accept", attempt.accept);
        }
        if (attempt.idempotencyKey != null) {
            request.header("Idempotency-Key", attempt.idempotencyKey);
        }
        String password = attempt.user.equals("nobody") ? "wrong" : attempt.user;
        request.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((attempt.user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        String text = new String(response.body(), StandardCharsets.UTF_8);
        JsonNode json = null;
        try {
            json = text.isBlank() ? null : JSON.readTree(text);
        } catch (Exception notJson) {
            // Checked by the caller: a refusal must be problem+json.
        }
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), text, json,
                response.headers().firstValue("Location").orElse(null),
                response.headers().firstValue("Idempotent-Replayed").isPresent());
    }

    /** What a refused request must leave untouched: events, the member registry, idempotency records. */
    private static String fingerprint(Connection database) throws Exception {
        boolean keys;
        try (Statement statement = database.createStatement();
             ResultSet row = statement.executeQuery("SELECT to_regclass('idempotency_record') IS NOT NULL")) {
            row.next();
            keys = row.getBoolean(1);
        }
        try (Statement statement = database.createStatement();
             ResultSet row = statement.executeQuery("""
                     SELECT (SELECT count(*) FROM domain_event_entry) AS events,
                            (SELECT max(global_index) FROM domain_event_entry) AS last_event,
                            (SELECT count(*) || '/' || count(erased_at) || '/' || count(left_on) || '/'
                                    || coalesce(sum(length(display_name)), 0) FROM member_registry) AS registry,
                            """ + (keys ? "(SELECT count(*) FROM idempotency_record)" : "-1") + " AS keys")) {
            row.next();
            return "events=" + row.getLong("events") + "@" + row.getLong("last_event") + " registry="
                    + row.getString("registry") + " keys=" + row.getLong("keys");
        }
    }

    // ---------------------------------------------------------------- the state the requests name

    /** Real ids to mix with random ones: created before the run, and learnt from what it creates. */
    final class Pools {

        Organisation organisation;
        private final Map<String, List<String>> ids = new LinkedHashMap<>();

        synchronized String realId(String pool, Random random) {
            List<String> known = ids.getOrDefault(pool, List.of());
            return known.isEmpty() ? UUID.randomUUID().toString() : known.get(random.nextInt(known.size()));
        }

        synchronized void add(String pool, String id) {
            List<String> known = ids.computeIfAbsent(pool, key -> new ArrayList<>());
            if (!known.contains(id) && known.size() < 200) {
                known.add(id);
            }
        }

        void learn(String endpoint, Reply reply) {
            if (reply.status != 201 || reply.json == null || !reply.json.hasNonNull("id")) {
                return;
            }
            String id = reply.json.get("id").asText();
            switch (endpoint) {
                case "gasps" -> add("gasp", id);
                case "groups" -> add("group", id);
                case "members" -> add("member", id);
                case "meetings" -> add("meeting", id);
                case "proposals" -> add("proposal", id);
                default -> { }
            }
        }
    }

    /** What is stored: the events since a point, the member registry, the idempotency records. */
    record Stored(long lastEvent, Map<String, String> events, Map<String, String> members, Set<String> keys) {

        static Stored read(Connection database) throws Exception {
            long last;
            Map<String, String> events = new LinkedHashMap<>();
            Map<String, String> members = new LinkedHashMap<>();
            Set<String> keys = new java.util.HashSet<>();
            try (Statement statement = database.createStatement()) {
                try (ResultSet rows = statement.executeQuery("""
                        SELECT global_index, aggregate_identifier, sequence_number, payload_type
                        FROM domain_event_entry ORDER BY global_index""")) {
                    last = 0;
                    while (rows.next()) {
                        last = rows.getLong(1);
                        events.put(rows.getString(2) + "#" + rows.getLong(3), rows.getLong(1) + " " + rows.getString(4));
                    }
                }
                try (ResultSet rows = statement.executeQuery("""
                        SELECT member_id, group_id, display_name IS NULL, erased_at IS NOT NULL, left_on
                        FROM member_registry""")) {
                    while (rows.next()) {
                        members.put(rows.getString(1), rows.getString(2) + " blank=" + rows.getBoolean(3)
                                + " erased=" + rows.getBoolean(4) + " left=" + rows.getString(5));
                    }
                }
                try (ResultSet rows = statement.executeQuery("SELECT user_name, idempotency_key FROM idempotency_record")) {
                    while (rows.next()) {
                        keys.add(rows.getString(1) + "|" + rows.getString(2));
                    }
                }
            }
            return new Stored(last, events, members, keys);
        }
    }

    /**
     * What the accepted answers said was recorded, to check at the end that nothing else was:
     * the events (aggregate and sequence number) each answer names, the members added, left or
     * erased, and the idempotency keys kept.
     */
    static final class Ledger {

        final Set<String> events = java.util.concurrent.ConcurrentHashMap.newKeySet();
        /** An erasure answers the group's version whether or not it had anything left to erase. */
        final Set<String> mayBeEvents = java.util.concurrent.ConcurrentHashMap.newKeySet();
        final Set<String> joined = java.util.concurrent.ConcurrentHashMap.newKeySet();
        final Set<String> left = java.util.concurrent.ConcurrentHashMap.newKeySet();
        final Set<String> erased = java.util.concurrent.ConcurrentHashMap.newKeySet();
        final Set<String> keys = java.util.concurrent.ConcurrentHashMap.newKeySet();

        void accepted(String endpoint, Attempt attempt, Reply reply) {
            String id = reply.json.get("id").asText();
            long version = reply.json.path("version").asLong();
            String[] path = attempt.path().split("\\?")[0].split("/");
            switch (endpoint) {
                case "gasps" -> {
                    for (long sequence = 0; sequence <= version; sequence++) {
                        events.add(id + "#" + sequence);
                    }
                }
                case "members" -> {
                    events.add(uuid(path[3]) + "#" + version);
                    joined.add(id);
                }
                case "member-departure" -> {
                    events.add(id + "#" + version);
                    left.add(uuid(path[5]));
                }
                case "personal-data" -> {
                    mayBeEvents.add(id + "#" + version);
                    erased.add(id);
                }
                case "restitution" -> {
                    events.add(id + "#" + version);
                    reply.json.path("presented").forEach(proposal ->
                            events.add(proposal.get("id").asText() + "#" + proposal.get("version").asLong()));
                }
                default -> events.add(id + "#" + version);
            }
            if (attempt.idempotencyKey() != null) {
                keys.add(attempt.user() + "|" + attempt.idempotencyKey());
            }
        }

        /** Every difference between two states of the store that no accepted answer accounts for. */
        List<String> unexplained(Stored before, Stored after) {
            List<String> faults = new ArrayList<>();
            Map<String, String> groupOfMember = new LinkedHashMap<>();
            after.members().forEach((member, row) -> groupOfMember.put(member, row.split(" ")[0]));
            for (Map.Entry<String, String> event : after.events().entrySet()) {
                if (before.events().containsKey(event.getKey())) {
                    continue;
                }
                String key = event.getKey();
                boolean erasure = mayBeEvents.stream().anyMatch(candidate -> {
                    String member = candidate.split("#")[0];
                    return key.equals(groupOfMember.get(member) + "#" + candidate.split("#")[1]);
                });
                if (!events.contains(key) && !erasure) {
                    faults.add("event " + key + " (" + event.getValue() + ") recorded but no accepted answer names it");
                }
            }
            for (String event : events) {
                if (!after.events().containsKey(event)) {
                    faults.add("event " + event + " named by an accepted answer but not recorded");
                }
            }
            for (Map.Entry<String, String> member : after.members().entrySet()) {
                String was = before.members().get(member.getKey());
                if (was == null && !joined.contains(member.getKey())) {
                    faults.add("member " + member.getKey() + " registered but no accepted answer names it");
                } else if (was != null && !was.equals(member.getValue())) {
                    boolean explained = (was.contains("left=null") && !member.getValue().contains("left=null")
                            && left.contains(member.getKey()))
                            || (member.getValue().contains("erased=true") && erased.contains(member.getKey()));
                    if (!explained) {
                        faults.add("member " + member.getKey() + " changed from " + was + " to " + member.getValue()
                                + " but no accepted answer says so");
                    }
                }
            }
            for (String member : joined) {
                if (!after.members().containsKey(member)) {
                    faults.add("member " + member + " accepted but not in the registry");
                }
            }
            Set<String> newKeys = new java.util.HashSet<>(after.keys());
            newKeys.removeAll(before.keys());
            if (!newKeys.equals(keys)) {
                faults.add("idempotency keys kept " + newKeys + " but accepted with keys " + keys);
            }
            return faults;
        }

        private static String uuid(String text) {
            return UUID.fromString(text).toString();
        }
    }

    /** A GASP with its groups, members, meetings and proposals at several stages. */
    private void seedState(GaspService service) throws Exception {
        Organisation gasp = Organisation.create(service, "GASP du fuzz");
        pools.organisation = gasp;
        pools.add("gasp", gasp.gaspId());
        pools.add("group", gasp.agentsGroupId());
        pools.add("group", gasp.usersGroupId());
        pools.add("group", gasp.referentsGroupId());
        for (String group : List.of(gasp.agentsGroupId(), gasp.agentsGroupId(), gasp.usersGroupId())) {
            pools.add("member", created(service.command("secretariat", "POST", "/api/groups/" + group + "/members",
                    "{\"displayName\":\"Membre\",\"institution\":\"Mairie\",\"occurredOn\":\"2000-06-02\"}")));
        }
        pools.add("meeting", created(service.command("secretariat", "POST", "/api/meetings",
                "{\"gaspId\":\"" + gasp.gaspId() + "\",\"kind\":\"GROUP\",\"groupId\":\"" + gasp.agentsGroupId() + "\"}")));
        pools.add("meeting", created(service.command("secretariat", "POST", "/api/meetings",
                "{\"gaspId\":\"" + gasp.gaspId() + "\",\"kind\":\"REFERENTS_SESSION\"}")));
        pools.add("meeting", created(service.command("secretariat", "POST", "/api/meetings",
                "{\"gaspId\":\"" + gasp.gaspId() + "\",\"kind\":\"JOINT\"}")));
        for (int stage = 0; stage < 4; stage++) {
            String id = created(service.command("secretariat", "POST", "/api/proposals",
                    "{\"raisedByGroupId\":\"" + gasp.agentsGroupId() + "\",\"title\":\"Proposition " + stage + "\","
                            + "\"description\":\"d\",\"themes\":[\"accueil\"],\"occurredOn\":\"2000-07-01\"}"));
            pools.add("proposal", id);
            if (stage >= 1) {
                service.command("secretariat", "POST", "/api/proposals/" + id + "/submission", "{\"occurredOn\":\"2000-08-01\"}");
            }
            if (stage >= 2) {
                service.command("referent", "POST", "/api/proposals/" + id + "/decision",
                        "{\"outcome\":\"VALIDATED\",\"occurredOn\":\"2000-09-01\"}");
            }
            if (stage >= 3) {
                service.command("secretariat", "POST", "/api/proposals/" + id + "/implementation",
                        "{\"owner\":\"Mairie\",\"occurredOn\":\"2000-10-01\"}");
            }
        }
    }

    private static String created(GaspService.Answer answer) {
        if (answer.status() != 201) {
            throw new IllegalStateException("expected 201, got " + answer);
        }
        return answer.id();
    }
}
