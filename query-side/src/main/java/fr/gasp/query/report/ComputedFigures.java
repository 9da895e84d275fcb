package fr.gasp.query.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gasp.query.common.ReadModelVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Dashboards and reports, computed once per state of the read models and then served as
 * computed until the read models move: with 100,000 proposals, computing one means reading
 * every step of them (seconds), while it is read far more often than a GASP's proposals
 * change (at meetings, a few times a month).
 *
 * <p>Never stale: a figure is remembered against {@link ReadModelVersion} read before it is
 * computed, so it is at least as recent as that state, and any batch, rebuild or retry since
 * (on any node) makes another version, hence a new computation. Requests for the same
 * question arriving while it is being computed wait for that one computation instead of
 * each starting their own. A computation that fails is forgotten, and its error reaches
 * every request that waited for it.
 */
@Component
public class ComputedFigures {

    private static final Logger log = LoggerFactory.getLogger(ComputedFigures.class);

    private final ReadModelVersion versions;
    private final ObjectMapper json;
    private final Map<List<Object>, CompletableFuture<Object>> remembered;
    /** The state the remembered answers are of; answers of any other are dropped when it changes. */
    private String currentVersion;

    public ComputedFigures(ReadModelVersion versions, ObjectMapper json,
                           @Value("${gasp.reports.remembered:16}") int capacity) {
        this.versions = versions;
        this.json = json;
        // Least recently used out first, among the answers of the current state (those of a state left are dropped).
        this.remembered = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<List<Object>, CompletableFuture<Object>> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * The answer to {@code question} (a value naming every input of the computation) as of the
     * read models' current state: remembered, or computed now.
     */
    @SuppressWarnings("unchecked")
    public <T> T get(Object question, Supplier<T> computation) {
        String version = versions.current();
        List<Object> key = List.of(version, question);
        CompletableFuture<Object> answer;
        boolean mine = false;
        synchronized (remembered) {
            if (!version.equals(currentVersion)) {
                // Never asked again once the read models moved on: megabytes each for a large GASP.
                remembered.keySet().removeIf(other -> !version.equals(other.get(0)));
                currentVersion = version;
            }
            answer = remembered.get(key);
            if (answer == null) {
                answer = new CompletableFuture<>();
                remembered.put(key, answer);
                mine = true;
            }
        }
        if (mine) {
            compute(key, answer, computation);
        }
        return (T) FigureQueries.answer(answer);
    }

    /**
     * The answer to {@code question} as the JSON the API sends (Spring's own mapper), written
     * once per state of the read models as well: the long lists of a large GASP (proposals
     * waiting for referents, a year's decisions) make megabytes that would otherwise be
     * written again for every request.
     */
    public byte[] json(Object question, Supplier<?> computation) {
        return get(new AsJson(question), () -> {
            try {
                return json.writeValueAsBytes(computation.get());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Réponse impossible à écrire en JSON", e);
            }
        });
    }

    private record AsJson(Object question) {
    }

    private static String describe(Object question) {
        return question instanceof AsJson asJson ? describe(asJson.question()) + " as JSON"
                : question.getClass().getName();
    }

    private void compute(List<Object> key, CompletableFuture<Object> answer, Supplier<?> computation) {
        long started = System.nanoTime();
        try {
            answer.complete(computation.get());
            log.info("Computed {} in {} ms (read models at {})", describe(key.get(1)),
                    (System.nanoTime() - started) / 1_000_000, key.get(0));
        } catch (RuntimeException | Error failure) {
            synchronized (remembered) {
                remembered.remove(key, answer);
            }
            answer.completeExceptionally(failure);
        }
    }
}
