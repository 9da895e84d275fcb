package fr.gasp.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.http.HttpTimeoutException;

/**
 * A rebuild of the read models through POST /api/admin/replay, followed with GET until it
 * is done: the endpoint's own events/s and the wall clock from the request to "done".
 */
final class Replay {

    record Outcome(boolean available, String state, long processed, double endpointEventsPerSecond,
                   double wallSeconds, String note) {

        double wallEventsPerSecond() {
            return processed / wallSeconds;
        }
    }

    private Replay() {
    }

    /** The outcome, or "not available" with the reason when the query side does not answer. */
    static Outcome runOrSayWhy(String querySide, double timeoutSeconds) throws InterruptedException {
        try {
            return run(querySide, timeoutSeconds);
        } catch (IOException | RuntimeException e) {
            return new Outcome(false, "n/a", 0, Double.NaN, Double.NaN, "the query side did not answer: " + e);
        }
    }

    static Outcome run(String querySide, double timeoutSeconds) throws IOException, InterruptedException {
        Api api = new Api();
        long started = System.nanoTime();
        long deadline = started + (long) (timeoutSeconds * 1e9);
        JsonNode progress = null;
        String note = "";
        try {
            Api.Answer answer = api.post(querySide, "admin", "/api/admin/replay", "{}");
            if (answer.status() != 202 && answer.status() != 200) {
                return notAvailable("POST /api/admin/replay answered " + answer.status() + " " + answer.body());
            }
            progress = answer.json();
        } catch (HttpTimeoutException slow) {
            // A busy query side may start the rebuild yet answer late: its progress still tells.
            note = "POST /api/admin/replay not answered within 60 s; followed with GET";
        }
        while ((progress == null || !finished(progress)) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            Api.Answer poll;
            try {
                poll = api.get(querySide, "admin", "/api/admin/replay");
            } catch (HttpTimeoutException slow) {
                continue;
            }
            if (poll.status() != 200) {
                return notAvailable("GET /api/admin/replay answered " + poll.status() + " " + poll.body());
            }
            progress = poll.json();
        }
        double wall = (System.nanoTime() - started) / 1e9;
        if (progress == null) {
            return notAvailable("no answer from /api/admin/replay within " + Report.number(timeoutSeconds) + " s");
        }
        String state = progress.path("state").asText("?");
        String error = progress.path("error").isNull() ? null : progress.path("error").asText(null);
        String notes = String.join("; ", java.util.stream.Stream.of(note, error == null ? "" : error)
                .filter(text -> !text.isEmpty()).toList());
        return new Outcome(true, finished(progress) ? state : "TIMED OUT (" + state + ")",
                progress.path("processed").asLong(), progress.path("eventsPerSecond").asDouble(Double.NaN), wall, notes);
    }

    private static Outcome notAvailable(String why) {
        return new Outcome(false, "n/a", 0, Double.NaN, Double.NaN, why);
    }

    private static boolean finished(JsonNode progress) {
        String state = progress.path("state").asText("");
        return progress.path("done").asBoolean(false) || state.equals("DONE") || state.equals("FAILED");
    }
}
