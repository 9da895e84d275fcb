package fr.gasp.query.replay;

import fr.gasp.query.common.ReplayedEvent;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The stored events read and deserialized by a thread of its own, on a connection of its own,
 * and handed over in batches: reading and decoding overlap with folding and writing. The
 * events are only read, so they need not be in the rebuild's transaction; the rebuild's
 * position is what this reader saw.
 */
final class EventPipe implements AutoCloseable {

    private static final int BATCH = 1_000;
    private static final List<ReplayedEvent> END = List.of();

    private final BlockingQueue<List<ReplayedEvent>> batches = new ArrayBlockingQueue<>(16);
    private final ExecutorService readerThread = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "read-model-rebuild-reader");
        thread.setDaemon(true);
        return thread;
    });
    private final Future<?> reading;

    EventPipe(DataSource dataSource, StoredEventReader reader) {
        reading = readerThread.submit(() -> {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                connection.setReadOnly(true);
                List<ReplayedEvent> batch = new ArrayList<>(BATCH);
                try {
                    reader.readAll(connection, event -> {
                        batch.add(event);
                        if (batch.size() == BATCH) {
                            hand(new ArrayList<>(batch));
                            batch.clear();
                        }
                    });
                    hand(batch);
                } finally {
                    connection.rollback();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Reading the event store failed: " + e.getMessage(), e);
            } finally {
                // Waits for room like any batch: the end must not be lost on a full queue.
                hand(END);
            }
            return null;
        });
    }

    private void hand(List<ReplayedEvent> batch) {
        try {
            batches.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Rebuild stopped", e);
        }
    }

    /** Every event, in order; rethrows the reader's failure, if any, once its events are consumed. */
    void forEach(Consumer<ReplayedEvent> handler) {
        try {
            for (List<ReplayedEvent> batch = batches.take(); batch != END; batch = batches.take()) {
                batch.forEach(handler);
            }
            reading.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Rebuild stopped", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        readerThread.shutdownNow();
    }
}
