package fr.gasp.query.replay;

import fr.gasp.query.common.RebuiltTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * On PostgreSQL, a rebuild fills an empty copy of each read-model table without indexes (its
 * shadow, {@code <table>_rebuild}) and swaps it in at the end, in the rebuild's transaction.
 * Emptying the real tables with {@code DELETE} and keeping their primary keys and indexes up
 * to date row by row was most of PostgreSQL's share of a rebuild; building each index once
 * over the finished rows took half as long (docs/adr/0013). Readers keep the old tables until
 * the swap, which takes each table's ACCESS EXCLUSIVE lock only at the very end, and a failure
 * anywhere rolls the shadows back with everything else (PostgreSQL's DDL is transactional).
 *
 * <p>{@code CREATE TABLE … (LIKE … INCLUDING ALL EXCLUDING INDEXES)} brings the columns, NOT
 * NULL, defaults, CHECK constraints (validated, even one the real table has as NOT VALID)
 * and the comments on them. What it leaves out is read from the catalog and given to the
 * shadow: indexes and the constraints an index backs (primary keys, unique, exclusion) once
 * the rows are in, under temporary names that the swap turns back into the real table's,
 * so that migrations naming them still work; grants, owner, storage parameters, the
 * table's comment. A table with anything bound to it that the swap would lose or break
 * (a foreign key either way, a view or rule, a trigger, row-level security, a publication,
 * inheritance, a sequence it owns) is refused before anything is read: none has one today
 * (see the migrations in db/query), and one added later must be handled here first, not
 * silently dropped.
 */
final class ShadowTables {

    private static final Logger log = LoggerFactory.getLogger(ShadowTables.class);
    private static final String SUFFIX = "_rebuild";
    private static final int MAX_NAME_LENGTH = 63;

    /** Each attempt to take the real tables over gives way to readers after this. */
    private static final Duration ATTEMPT = Duration.ofMillis(200);
    private static final Duration BETWEEN_ATTEMPTS = Duration.ofMillis(100);
    private static final Duration TAKE_OVER_FOR = Duration.ofSeconds(60);
    /** lock_not_available (lock_timeout), deadlock_detected. */
    private static final List<String> LOCK_REFUSED = List.of("55P03", "40P01");

    private static final String LOST = """
            SELECT what FROM (VALUES
              ('a foreign key', EXISTS (SELECT 1 FROM pg_constraint WHERE contype = 'f' AND $table IN (conrelid, confrelid))),
              ('a view or rule', EXISTS (SELECT 1 FROM pg_depend WHERE classid = 'pg_rewrite'::regclass
                                         AND refclassid = 'pg_class'::regclass AND refobjid = $table)),
              ('a trigger', EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = $table AND NOT tgisinternal)),
              ('row-level security', EXISTS (SELECT 1 FROM pg_policy WHERE polrelid = $table)
                                     OR (SELECT relrowsecurity FROM pg_class WHERE oid = $table)),
              ('a publication', EXISTS (SELECT 1 FROM pg_publication_rel WHERE prrelid = $table)),
              ('inheritance or partitions', EXISTS (SELECT 1 FROM pg_inherits WHERE $table IN (inhrelid, inhparent))
                                            OR (SELECT relkind <> 'r' FROM pg_class WHERE oid = $table)),
              ('a sequence it owns', EXISTS (SELECT 1 FROM pg_depend d JOIN pg_class s ON s.oid = d.objid
                                             WHERE d.classid = 'pg_class'::regclass AND s.relkind = 'S'
                                               AND d.refclassid = 'pg_class'::regclass AND d.refobjid = $table))
            ) AS lost (what, found) WHERE found""";

    /** The real table's indexes that no constraint stands for (those come back as constraints). */
    private static final String PLAIN_INDEXES = """
            (SELECT i.indexrelid, x.relname AS name, x.relnamespace::regnamespace AS namespace, i.indisunique AS is_unique,
                    pg_get_indexdef(i.indexrelid) AS definition
             FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid
             WHERE i.indrelid = $table AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid
                                                       AND c.conrelid = $table AND c.contype IN ('p', 'u', 'x'))
            ) AS plain_index""";

    /**
     * What the shadow needs before the swap, as statements, in order: the owner first (the
     * grants are then given by it), storage parameters, comment, constraints, indexes, grants.
     * An index whose definition does not begin as expected gives NULL.
     */
    private static final String PREPARE = """
            SELECT statement FROM (
              SELECT 1, format('ALTER TABLE %s OWNER TO %I', $shadow::regclass, pg_get_userbyid(t.relowner))
              FROM pg_class t, pg_class s WHERE t.oid = $table AND s.oid = $shadow AND t.relowner <> s.relowner
              UNION ALL
              SELECT 2, format('ALTER TABLE %s SET (%s)', $shadow::regclass, array_to_string(reloptions, ', '))
              FROM pg_class WHERE oid = $table AND reloptions IS NOT NULL
              UNION ALL
              SELECT 3, format('COMMENT ON TABLE %s IS %L', $shadow::regclass, description)
              FROM pg_description WHERE objoid = $table AND classoid = 'pg_class'::regclass AND objsubid = 0
              UNION ALL
              SELECT 4, format('ALTER TABLE %s ADD CONSTRAINT %I %s', $shadow::regclass, 'rebuild_' || conindid,
                               pg_get_constraintdef(oid))
              FROM pg_constraint WHERE conrelid = $table AND contype IN ('p', 'u', 'x')
              UNION ALL
              -- pg_get_indexdef gives "CREATE [UNIQUE] INDEX <name> ON <schema>.<table> USING …": the rest is kept.
              SELECT 5, CASE WHEN starts_with(definition, prefix)
                             THEN format('CREATE %sINDEX %I ON %s %s', kind, 'rebuild_' || indexrelid, $shadow::regclass,
                                         substr(definition, length(prefix) + 1)) END
              FROM %PLAIN_INDEXES%,
                   LATERAL (SELECT CASE WHEN is_unique THEN 'UNIQUE ' ELSE '' END AS kind) k,
                   LATERAL (SELECT format('CREATE %sINDEX %I ON %s.%I ', kind, name, namespace, relname) AS prefix
                            FROM pg_class WHERE oid = $table) p
              UNION ALL
              -- An ACL of its own: the owner's privileges too are written out, and may lack some.
              SELECT 6, format('REVOKE ALL ON %s FROM %I', $shadow::regclass, pg_get_userbyid(relowner))
              FROM pg_class WHERE oid = $table AND relacl IS NOT NULL
              UNION ALL
              SELECT 7, format('GRANT %s%s ON %s TO %s%s', g.privilege_type,
                               coalesce(' (' || quote_ident(a.attname) || ')', ''), $shadow::regclass,
                               CASE WHEN g.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(g.grantee)) END,
                               CASE WHEN g.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END)
              FROM (SELECT NULL::name AS attname, relacl AS acl FROM pg_class WHERE oid = $table
                    UNION ALL
                    SELECT attname, attacl FROM pg_attribute
                    WHERE attrelid = $table AND attacl IS NOT NULL AND NOT attisdropped) a,
                   aclexplode(a.acl) g
            ) AS prepare (step, statement)
            ORDER BY step, statement""".replace("%PLAIN_INDEXES%", PLAIN_INDEXES);

    /** Once the shadow has the real table's name: its constraints and indexes get theirs back. */
    private static final String RENAME = """
            SELECT format('ALTER TABLE %s RENAME CONSTRAINT %I TO %I', $table::regclass, 'rebuild_' || conindid, conname)
            FROM pg_constraint WHERE conrelid = $table AND contype IN ('p', 'u', 'x')
            UNION ALL
            SELECT format('ALTER INDEX %s.%I RENAME TO %I', namespace, 'rebuild_' || indexrelid, name)
            FROM %PLAIN_INDEXES%""".replace("%PLAIN_INDEXES%", PLAIN_INDEXES);

    private final Connection connection;
    private final Map<RebuiltTable, Shadow> shadows;

    private ShadowTables(Connection connection, Map<RebuiltTable, Shadow> shadows) {
        this.connection = connection;
        this.shadows = shadows;
    }

    /**
     * One empty shadow per table. Each real table is locked against schema changes (and
     * writers: there are none while the processor is paused) until the commit, so what is
     * read from the catalog here still holds at the swap; readers are not held up.
     */
    static ShadowTables create(Connection connection, List<RebuiltTable> tables) throws SQLException {
        Map<RebuiltTable, Shadow> shadows = new LinkedHashMap<>();
        for (RebuiltTable table : tables) {
            shadows.put(table, Shadow.create(connection, table));
        }
        return new ShadowTables(connection, shadows);
    }

    /** Where a table's rows go during the rebuild. */
    String target(RebuiltTable table) {
        return shadows.get(table).shadow();
    }

    /**
     * Once every row is in: indexes, constraints and grants on the shadows, their statistics
     * (before the swap, to keep the exclusive locks short), then each real table replaced by
     * its shadow under the real names. Readers of a table wait from its swap to the commit,
     * then read the new table (PostgreSQL looks its name up again).
     */
    void swapIn() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            long start = System.nanoTime();
            for (Shadow shadow : shadows.values()) {
                for (String sql : shadow.prepare()) {
                    statement.execute(sql);
                }
                // Without statistics, PostgreSQL would take the new tables for nearly empty and plan the
                // dashboard's queries accordingly until autovacuum got round to them.
                statement.execute("ANALYZE " + shadow.shadow());
            }
            long prepared = System.nanoTime();
            takeOver(statement);
            long locked = System.nanoTime();
            for (Shadow shadow : shadows.values()) {
                statement.execute("DROP TABLE " + shadow.table());
                statement.execute("ALTER TABLE " + shadow.shadow() + " RENAME TO " + shadow.name());
                for (String sql : shadow.rename()) {
                    statement.execute(sql);
                }
            }
            log.info("Reconstruction des modèles de lecture : index et statistiques des nouvelles tables en {} ms, "
                    + "tables prises aux lecteurs en {} ms, échangées en {} ms", millis(start, prepared),
                    millis(prepared, locked), millis(locked, System.nanoTime()));
        }
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    /**
     * The real tables' ACCESS EXCLUSIVE locks, all at once, in short attempts that give way to
     * readers. Dropping them one by one, waiting as long as it takes, could deadlock with a
     * reader's transaction that holds one of them and then reads another the rebuild already
     * holds, and the rebuild might be the one PostgreSQL cancels. Each attempt gives up before
     * PostgreSQL's deadlock check (1 s by default) and releases what it took.
     */
    private void takeOver(Statement statement) throws SQLException {
        String tables = shadows.values().stream().map(Shadow::table).collect(Collectors.joining(", "));
        String lockTimeout = single(statement, "SELECT current_setting('lock_timeout')");
        statement.execute("SET LOCAL lock_timeout = " + ATTEMPT.toMillis());
        long deadline = System.nanoTime() + TAKE_OVER_FOR.toNanos();
        while (true) {
            Savepoint beforeAttempt = connection.setSavepoint();
            try {
                statement.execute("LOCK TABLE " + tables + " IN ACCESS EXCLUSIVE MODE");
                connection.releaseSavepoint(beforeAttempt);
                break;
            } catch (SQLException e) {
                if (!LOCK_REFUSED.contains(e.getSQLState())) {
                    throw e;
                }
                if (System.nanoTime() > deadline) {
                    throw new SQLException("Could not take the read-model tables over from their readers within "
                            + TAKE_OVER_FOR.toSeconds() + " s: " + e.getMessage(), e.getSQLState(), e);
                }
                connection.rollback(beforeAttempt);
                pause();
            }
        }
        try (PreparedStatement restore = connection.prepareStatement("SELECT set_config('lock_timeout', ?, true)")) {
            restore.setString(1, lockTimeout);
            restore.execute();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(BETWEEN_ATTEMPTS.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the read-model tables", e);
        }
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    /**
     * A real table ({@code table}, schema-qualified, and {@code name}, alone, both as SQL
     * writes them) and its shadow (schema-qualified), with the statements that make the
     * shadow like the table and those that give it the table's names after the swap.
     */
    private record Shadow(String table, String name, String shadow, List<String> prepare, List<String> rename) {

        static Shadow create(Connection connection, RebuiltTable rebuilt) throws SQLException {
            long oid;
            String table;
            String name;
            String shadow;
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT c.oid, format('%I.%I', n.nspname, c.relname), quote_ident(c.relname),
                           format('%I.%I', n.nspname, c.relname || ?), octet_length(c.relname || ?)
                    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = to_regclass(?)""")) {
                statement.setString(1, SUFFIX);
                statement.setString(2, SUFFIX);
                statement.setString(3, rebuilt.name());
                try (ResultSet row = statement.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalStateException("No table " + rebuilt.name() + " to rebuild");
                    }
                    oid = row.getLong(1);
                    table = row.getString(2);
                    name = row.getString(3);
                    shadow = row.getString(4);
                    if (row.getInt(5) > MAX_NAME_LENGTH) {
                        throw new IllegalStateException("The name of " + rebuilt.name() + " is too long for its shadow "
                                + "table's (PostgreSQL's names have at most " + MAX_NAME_LENGTH + " bytes)");
                    }
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("LOCK TABLE " + table + " IN SHARE ROW EXCLUSIVE MODE");
                List<String> lost = strings(statement, LOST, oid, 0);
                if (!lost.isEmpty()) {
                    throw new IllegalStateException("Cannot rebuild " + rebuilt.name() + " into a shadow table: it has "
                            + String.join(", ", lost) + ", which replacing the table would lose or break");
                }
                // DDL is transactional, so a rebuild that failed left no shadow; dropped all the same, should one remain.
                statement.execute("DROP TABLE IF EXISTS " + shadow);
                statement.execute("CREATE TABLE " + shadow + " (LIKE " + table + " INCLUDING ALL EXCLUDING INDEXES)");
                long shadowOid = oid(connection, shadow);
                List<String> prepare = strings(statement, PREPARE, oid, shadowOid);
                if (prepare.contains(null)) {
                    throw new IllegalStateException("Cannot read the definition of an index of " + rebuilt.name());
                }
                return new Shadow(table, name, shadow, prepare, strings(statement, RENAME, oid, shadowOid));
            }
        }

        private static long oid(Connection connection, String table) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement("SELECT ?::regclass::oid")) {
                statement.setString(1, table);
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        }

        /** The first column of each row; oids from the catalog, numbers only, are written into the SQL. */
        private static List<String> strings(Statement statement, String sql, long table, long shadow)
                throws SQLException {
            List<String> strings = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(
                    sql.replace("$table", table + "::oid").replace("$shadow", shadow + "::oid"))) {
                while (rows.next()) {
                    strings.add(rows.getString(1));
                }
            }
            return strings;
        }
    }
}
