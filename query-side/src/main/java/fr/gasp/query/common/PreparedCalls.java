package fr.gasp.query.common;

import org.postgresql.PGConnection;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.Utils;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The read-model statements of a batch as {@code EXECUTE} calls of statements PostgreSQL
 * prepared once per connection, their parameters written as literals. Sent many at a time
 * ({@link ProjectionWrites}), statements otherwise go to PostgreSQL unnamed, and it parses
 * and plans every one of them afresh: for the heaviest (the report step that follows the
 * previous one) that took 0.3-1.3 ms, against 0.13-0.18 ms executed from its prepared plan
 * (issue 6, measured on 250 at a time). An {@code EXECUTE} is cheap to parse, and it cannot
 * take bound parameters, hence the literals, escaped by the driver for the connection's
 * settings.
 *
 * <p>A statement is prepared, under a savepoint, the first time a connection meets it;
 * one PostgreSQL cannot prepare (a parameter whose type it cannot infer without the
 * driver's hint), one with a parameter of a type not written here, or one past
 * {@value #MAX_STATEMENTS} different statements (a list of rows of every length) is sent
 * the plain way instead.
 */
final class PreparedCalls {

    /** SQLSTATE of "prepared statement does not exist": the session lost what it had prepared. */
    static final String UNKNOWN_PREPARED_STATEMENT = "26000";

    private static final int MAX_STATEMENTS = 200;
    private static final String NAME_PREFIX = "gasp_rm_";

    private final Map<String, String> names = new ConcurrentHashMap<>();
    private final AtomicInteger named = new AtomicInteger();
    private final Set<String> unpreparable = ConcurrentHashMap.newKeySet();
    /** What each connection (the driver's, not the pool's proxy) has prepared: gone with the connection. */
    private final Map<PGConnection, Set<String>> preparedOn = Collections.synchronizedMap(new WeakHashMap<>());

    /** Whether the statement can be sent as an {@code EXECUTE}; prepares it on this connection if need be. */
    boolean ready(Connection connection, String sql, List<Object> parameters) throws SQLException {
        if (unpreparable.contains(sql) || !parameters.stream().allMatch(PreparedCalls::writable)) {
            return false;
        }
        String name = names.get(sql);
        if (name == null) {
            if (names.size() >= MAX_STATEMENTS) {
                return false;
            }
            name = names.computeIfAbsent(sql, any -> NAME_PREFIX + named.incrementAndGet());
        }
        Set<String> prepared = preparedOn.computeIfAbsent(connection.unwrap(PGConnection.class), any -> new HashSet<>());
        if (prepared.contains(name)) {
            return true;
        }
        Savepoint beforePreparing = connection.setSavepoint();
        try (Statement prepare = connection.createStatement()) {
            prepare.setEscapeProcessing(false);
            prepare.execute("PREPARE " + name + " AS " + numberedParameters(sql));
            connection.releaseSavepoint(beforePreparing);
        } catch (SQLException refused) {
            // The savepoint keeps the batch's transaction usable; the statement goes the plain way.
            connection.rollback(beforePreparing);
            unpreparable.add(sql);
            return false;
        }
        prepared.add(name);
        return true;
    }

    /**
     * Appends the call of a statement {@link #ready} said yes to: written straight into the
     * batch's text, literals escaped in place, as these calls are most of what the read-model
     * processor allocates under load (and so of its garbage collections).
     */
    void appendCall(StringBuilder calls, Connection connection, String sql, List<Object> parameters)
            throws SQLException {
        boolean standardStrings = connection.unwrap(BaseConnection.class).getStandardConformingStrings();
        calls.append("EXECUTE ").append(names.get(sql));
        if (!parameters.isEmpty()) {
            calls.append('(');
            for (int i = 0; i < parameters.size(); i++) {
                if (i > 0) {
                    calls.append(", ");
                }
                appendLiteral(calls, parameters.get(i), standardStrings);
            }
            calls.append(')');
        }
    }

    /** After "prepared statement does not exist" (someone deallocated them): prepare again next time. */
    void forget(Connection connection) throws SQLException {
        preparedOn.remove(connection.unwrap(PGConnection.class));
    }

    private static boolean writable(Object value) {
        return value == null || value instanceof String || value instanceof UUID || value instanceof Integer
                || value instanceof Long || value instanceof Short || value instanceof BigDecimal
                || value instanceof BigInteger || value instanceof Boolean || value instanceof Enum<?>
                || value instanceof LocalDate || value instanceof LocalDateTime || value instanceof OffsetDateTime
                || value instanceof Instant || value instanceof byte[];
    }

    private static void appendLiteral(StringBuilder call, Object value, boolean standardStrings)
            throws SQLException {
        if (value == null) {
            call.append("NULL");
            return;
        }
        String text = value instanceof Enum<?> constant ? constant.name()
                : value instanceof byte[] bytes ? "\\x" + HexFormat.of().formatHex(bytes)
                : value.toString();
        // Quoted whatever the type: PostgreSQL reads it as the prepared parameter's type. Escaped
        // as the driver's escapeLiteral does, for the connection's standard_conforming_strings.
        call.append('\'');
        Utils.escapeLiteral(call, text, standardStrings);
        call.append('\'');
    }

    /**
     * JDBC's {@code ?} placeholders as PostgreSQL's {@code $1, $2…}, leaving quoted literals,
     * quoted names and comments alone.
     */
    static String numberedParameters(String sql) {
        StringBuilder numbered = new StringBuilder(sql.length() + 16);
        int parameter = 0;
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int end = sql.indexOf(c, i + 1);
                while (end >= 0 && end + 1 < sql.length() && sql.charAt(end + 1) == c) {
                    end = sql.indexOf(c, end + 2);
                }
                if (end < 0) {
                    throw new IllegalArgumentException("Unterminated quote in " + sql);
                }
                numbered.append(sql, i, end + 1);
                i = end + 1;
            } else if (c == '-' && sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? sql.length() : end;
                numbered.append(sql, i, end);
                i = end;
            } else if (c == '/' && sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("Unterminated comment in " + sql);
                }
                numbered.append(sql, i, end + 2);
                i = end + 2;
            } else if (c == '?') {
                numbered.append('$').append(++parameter);
                i++;
            } else {
                numbered.append(c);
                i++;
            }
        }
        return numbered.toString();
    }
}
