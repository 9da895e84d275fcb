package fr.gasp.query.replay;

import fr.gasp.query.common.RebuiltTable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * Rows sent to PostgreSQL with {@code COPY … FROM STDIN (FORMAT binary)}, a few megabytes at a
 * time per table: one round trip per buffer instead of one per row, and each value in the
 * form PostgreSQL keeps it ({@link BinaryColumn}). The text format cost most of the rebuild's
 * own CPU (dates, times and UUIDs turned into text and escaped here, parsed back there).
 * Buffers are sent by a thread of their own, so the rebuild goes on folding events while
 * PostgreSQL takes the previous rows in; only that thread uses the connection meanwhile, which
 * is why every table's column types are read from the catalog before the first row.
 * Each table's rows go where {@code target} says: its shadow, in a rebuild ({@link ShadowTables}).
 */
final class PostgresCopyRows implements BulkRows {

    private static final int FLUSH_AT_BYTES = 2 << 20;
    /** Buffers handed over and not yet copied: bounds the memory a slow database can make us hold. */
    private static final int BUFFERS_IN_FLIGHT = 4;
    /** The binary format's header: its signature, no flags, no header extension. */
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final short END_OF_DATA = -1;
    private static final int NULL = -1;

    private final CopyManager copy;
    private final Map<RebuiltTable, TableCopy> tables = new HashMap<>();
    private final Queue<CopyBuffer> spare = new ConcurrentLinkedQueue<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "read-model-rebuild-copy");
        thread.setDaemon(true);
        return thread;
    });
    private final Semaphore inFlight = new Semaphore(BUFFERS_IN_FLIGHT);
    private final List<Future<?>> sent = new ArrayList<>();

    /** Reads the column types of every table's {@code target}: refused if one has a type not written here. */
    PostgresCopyRows(Connection connection, List<RebuiltTable> tables, Function<RebuiltTable, String> target)
            throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        for (RebuiltTable table : tables) {
            this.tables.put(table, TableCopy.of(connection, table, target.apply(table)));
        }
    }

    static boolean supports(Connection connection) throws SQLException {
        return connection.isWrapperFor(PGConnection.class);
    }

    @Override
    public void add(RebuiltTable table, Object... values) {
        TableCopy into = tables.get(table);
        if (into == null) {
            throw new IllegalArgumentException("Rows for " + table.name() + ", which this rebuild does not copy");
        }
        if (values.length != into.columns.length) {
            throw new IllegalArgumentException(values.length + " values for the " + into.columns.length
                    + " columns of " + table.name());
        }
        CopyBuffer buffer = into.buffer;
        if (buffer.size() == 0) {
            buffer.put(SIGNATURE);
            buffer.putInt(0);
            buffer.putInt(0);
        }
        int rowStart = buffer.size();
        buffer.putShort(values.length);
        try {
            for (int column = 0; column < values.length; column++) {
                Object value = values[column];
                if (value == null) {
                    buffer.putInt(NULL);
                } else {
                    into.write(column, value);
                }
            }
        } catch (RuntimeException refused) {
            // No half-written row left behind to break the COPY of the rows before it.
            buffer.truncate(rowStart);
            throw refused;
        }
        if (buffer.size() >= FLUSH_AT_BYTES) {
            flush(into);
        }
    }

    private void flush(TableCopy table) {
        CopyBuffer rows = table.buffer;
        if (rows.size() == 0) {
            return;
        }
        rows.putShort(END_OF_DATA);
        CopyBuffer next = spare.poll();
        table.buffer = next != null ? next : new CopyBuffer(FLUSH_AT_BYTES + (64 << 10));
        inFlight.acquireUninterruptibly();
        failFast();
        sent.add(sender.submit(() -> {
            try {
                send(table, rows);
                rows.clear();
                spare.add(rows);
            } finally {
                inFlight.release();
            }
        }));
    }

    private void send(TableCopy table, CopyBuffer rows) {
        try {
            CopyIn in = copy.copyIn(table.sql);
            try {
                in.writeToCopy(rows.bytes(), 0, rows.size());
                in.endCopy();
            } finally {
                if (in.isActive()) {
                    in.cancelCopy();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into " + table.target + " failed: " + e.getMessage(), e);
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
            tables.values().forEach(this::flush);
            for (Future<?> future : sent) {
                await(future);
            }
        } finally {
            sender.shutdownNow();
        }
    }

    /** One table's COPY statement, how each of its columns is written, and the rows not sent yet. */
    private static final class TableCopy {

        private static final String COLUMN_TYPES = """
                SELECT attname, atttypid::int, format_type(atttypid, atttypmod) FROM pg_attribute
                WHERE attrelid = ?::regclass AND attnum > 0 AND NOT attisdropped""";

        final String target;
        final String sql;
        final String[] columns;
        final BinaryColumn[] encodings;
        CopyBuffer buffer = new CopyBuffer(FLUSH_AT_BYTES + (64 << 10));

        private TableCopy(String target, String sql, String[] columns, BinaryColumn[] encodings) {
            this.target = target;
            this.sql = sql;
            this.columns = columns;
            this.encodings = encodings;
        }

        static TableCopy of(Connection connection, RebuiltTable table, String target) throws SQLException {
            Map<String, Integer> typeOids = new HashMap<>();
            Map<String, String> typeNames = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(COLUMN_TYPES)) {
                statement.setString(1, target);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        typeOids.put(rows.getString(1), rows.getInt(2));
                        typeNames.put(rows.getString(1), rows.getString(3));
                    }
                }
            }
            String[] columns = table.columns().toArray(String[]::new);
            BinaryColumn[] encodings = new BinaryColumn[columns.length];
            for (int index = 0; index < columns.length; index++) {
                String column = columns[index];
                Integer oid = typeOids.get(column);
                if (oid == null) {
                    throw new IllegalStateException("No column " + column + " in " + target);
                }
                encodings[index] = BinaryColumn.ofType(oid).orElseThrow(() -> new IllegalStateException(
                        "Column " + table.name() + "." + column + " is of type " + typeNames.get(column)
                                + ", which the rebuild's binary COPY does not write: add it to BinaryColumn"));
            }
            String sql = "COPY " + target + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT binary)";
            return new TableCopy(target, sql, columns, encodings);
        }

        void write(int column, Object value) {
            try {
                encodings[column].write(buffer, value);
            } catch (ClassCastException | ArithmeticException | IllegalArgumentException e) {
                throw new IllegalArgumentException("Column " + target + "." + columns[column] + " (" + encodings[column]
                        + ") cannot take " + value.getClass().getName() + " " + value + ": " + e.getMessage(), e);
            }
        }
    }
}
