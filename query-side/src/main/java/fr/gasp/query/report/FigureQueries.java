package fr.gasp.query.report;

import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Two threads on which a dashboard or a report runs its longest queries while the request's
 * own thread runs the others: computed anew after each change, a large GASP's figures are a
 * handful of independent queries of hundreds of milliseconds each (issue 6), and PostgreSQL
 * runs each on one core. Two at most, whatever is being computed, so that figures never take
 * more than two of the pool's connections from the processors and the other requests.
 */
@Component
public class FigureQueries {

    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "figures-" + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    /** Starts a query on one of the two threads. */
    public <T> CompletableFuture<T> start(Supplier<T> query) {
        return CompletableFuture.supplyAsync(query, executor);
    }

    /**
     * The answer, or its own failure (not wrapped), as if it had been computed on this thread:
     * a database outage stays the exception the API answers 503 for.
     */
    public static <T> T answer(CompletableFuture<T> started) {
        try {
            return started.join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (failed.getCause() instanceof Error cause) {
                throw cause;
            }
            throw failed;
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
