package fr.gasp.query.replay;

import fr.gasp.query.common.RebuiltTable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rows sent to PostgreSQL with {@code COPY … FROM STDIN} (text format), a few megabytes at a
 * time per table: the fastest way in, one round trip per buffer instead of one per row.
 */
final class PostgresCopyRows implements BulkRows {

    private static final int FLUSH_AT_CHARS = 4 << 20;

    private final CopyManager copy;
    private final Map<RebuiltTable, StringBuilder> buffers = new LinkedHashMap<>();

    PostgresCopyRows(Connection connection) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
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

    private void flush(RebuiltTable table, StringBuilder buffer) {
        if (buffer.isEmpty()) {
            return;
        }
        String sql = "COPY " + table.name() + " (" + String.join(", ", table.columns()) + ") FROM STDIN";
        try {
            copy.copyIn(sql, new StringReader(buffer.toString()));
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into " + table.name() + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        buffer.setLength(0);
    }

    @Override
    public void close() {
        buffers.forEach(this::flush);
    }
}
