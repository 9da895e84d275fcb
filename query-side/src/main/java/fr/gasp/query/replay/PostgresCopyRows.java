package fr.gasp.query.replay;

import fr.gasp.query.common.RebuiltTable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * Rows sent to PostgreSQL with {@code COPY … FROM STDIN} (text format), a few megabytes at a
 * time per table: the fastest way in, one round trip per buffer instead of one per row.
 * Buffers are sent by a thread of their own, so the rebuild goes on folding events while
 * PostgreSQL takes the previous rows in; only that thread uses the connection meanwhile.
 * Each table's rows go where {@code target} says: its shadow, in a rebuild ({@link ShadowTables}).
 */
final class PostgresCopyRows implements BulkRows {

    private static final int FLUSH_AT_CHARS = 2 << 20;
    /** Buffers handed over and not yet copied: bounds the memory a slow database can make us hold. */
    private static final int BUFFERS_IN_FLIGHT = 4;

    private final CopyManager copy;
    private final Function<RebuiltTable, String> target;
    private final Map<RebuiltTable, StringBuilder> buffers = new LinkedHashMap<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "read-model-rebuild-copy");
        thread.setDaemon(true);
        return thread;
    });
    private final Semaphore inFlight = new Semaphore(BUFFERS_IN_FLIGHT);
    private final List<Future<?>> sent = new ArrayList<>();

    PostgresCopyRows(Connection connection, Function<RebuiltTable, String> target) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        this.target = target;
    }

    static boolean supports(Connection connection) throws SQLException {
        return connection.isWrapperFor(PGConnection.class);
    }

    @Override
    public void add(RebuiltTable table, Object... values) {
        StringBuilder buffer = buffers.computeIfAbsent(table, any -> new StringBuilder(FLUSH_AT_CHARS + 4096));
        for (int column = 0; column < values.length; column++) {
            if (column > 0) {
                buffer.append('\t');
            }
            appendValue(buffer, values[column]);
        }
        buffer.append('\n');
        if (buffer.length() >= FLUSH_AT_CHARS) {
            flush(table, buffer);
        }
    }

    /** The text format: {@code \N} for NULL, backslash escapes for the characters COPY gives a meaning to. */
    static void appendValue(StringBuilder buffer, Object value) {
        if (value == null) {
            buffer.append("\\N");
            return;
        }
        String text = value.toString();
        if (!needsEscaping(text)) {
            buffer.append(text);
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
    }

    private static boolean needsEscaping(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    private void flush(RebuiltTable table, StringBuilder buffer) {
        if (buffer.isEmpty()) {
            return;
        }
        String rows = buffer.toString();
        buffer.setLength(0);
        inFlight.acquireUninterruptibly();
        failFast();
        sent.add(sender.submit(() -> {
            try {
                send(table, rows);
            } finally {
                inFlight.release();
            }
        }));
    }

    private void send(RebuiltTable table, String rows) {
        String into = target.apply(table);
        String sql = "COPY " + into + " (" + String.join(", ", table.columns()) + ") FROM STDIN";
        try {
            copy.copyIn(sql, new StringReader(rows));
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into " + into + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops handing rows over as soon as one COPY has failed: the rebuild is lost anyway. */
    private void failFast() {
        for (Future<?> future : sent) {
            if (future.isDone()) {
                await(future);
            }
        }
        sent.removeIf(Future::isDone);
    }

    private static void await(Future<?> future) {
        try {
            future.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends what is left and waits until every row is in; the first failure, if any, is thrown. */
    @Override
    public void close() {
        try {
            buffers.forEach(this::flush);
            for (Future<?> future : sent) {
                await(future);
            }
        } finally {
            sender.shutdownNow();
        }
    }
}
