package fr.gasp.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;

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
        Api.Answer answer = api.post(querySide, "admin", "/api/admin/replay", "{}");
        if (answer.status() != 202 && answer.status() != 200) {
            return new Outcome(false, "n/a", 0, Double.NaN, Double.NaN,
                    "POST /api/admin/replay answered " + answer.status() + " (endpoint not available on this build?)");
        }
        long deadline = started + (long) (timeoutSeconds * 1e9);
        JsonNode progress = answer.json();
        while (!finished(progress) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            Api.Answer poll = api.get(querySide, "admin", "/api/admin/replay");
            if (poll.status() != 200) {
                return new Outcome(false, "n/a", 0, Double.NaN, Double.NaN, "GET /api/admin/replay answered "
                        + poll.status() + " " + poll.body());
            }
            progress = poll.json();
        }
        double wall = (System.nanoTime() - started) / 1e9;
        String state = progress.path("state").asText("?");
        String error = progress.path("error").isNull() ? null : progress.path("error").asText(null);
        return new Outcome(true, finished(progress) ? state : "TIMED OUT (" + state + ")",
                progress.path("processed").asLong(), progress.path("eventsPerSecond").asDouble(Double.NaN), wall,
                error == null ? "" : error);
    }

    private static boolean finished(JsonNode progress) {
        String state = progress.path("state").asText("");
        return progress.path("done").asBoolean(false) || state.equals("DONE") || state.equals("FAILED");
    }
}
