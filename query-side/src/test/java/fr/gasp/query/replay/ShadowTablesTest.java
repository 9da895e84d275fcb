package fr.gasp.query.replay;

import com.fasterxml.jackson.databind.JsonNode;
import fr.gasp.query.common.ReadModelRebuilder;
import fr.gasp.query.common.RebuiltTable;
import fr.gasp.query.testing.QueryApi.Answer;
import fr.gasp.query.testing.QuerySideIntegrationTest;
import fr.gasp.query.web.SmallGasp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On PostgreSQL a rebuild fills shadow tables and swaps them in ({@link ShadowTables}): the
 * tables must come back as they were (columns, constraints, indexes and their names, grants),
 * with nothing left over, and a rebuild that fails must leave the old tables alone.
 */
class ShadowTablesTest extends QuerySideIntegrationTest {

    /** Roles belong to the whole server, not to the test's database: one of this JVM's own, dropped after. */
    private static final String ROLE = "gasp_test_reader_" + ProcessHandle.current().pid();

    @Autowired
    private List<ReadModelRebuilder> rebuilders;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private DataSource dataSource;

    @BeforeEach
    void someRows() {
        SmallGasp.record(given, "GASP aux tables fantômes");
        given.awaitReadModel();
    }

    /** What the tests add to the read-model tables, removed whatever happened. */
    @AfterEach
    void cleanUp() {
        for (String sql : List.of(
                "ALTER TABLE proposal_theme DROP CONSTRAINT IF EXISTS proposal_theme_position_positive",
                "ALTER TABLE proposal_theme DROP CONSTRAINT IF EXISTS proposal_theme_position_unique",
                "DROP INDEX IF EXISTS proposal_theme_first",
                "ALTER TABLE proposal_theme ALTER COLUMN theme DROP DEFAULT",
                "ALTER TABLE proposal_theme RESET (fillfactor)",
                "COMMENT ON TABLE proposal_theme IS NULL",
                "COMMENT ON COLUMN proposal_theme.theme IS NULL",
                "ALTER TABLE proposal_history DROP CONSTRAINT IF EXISTS proposal_history_refused",
                "DROP VIEW IF EXISTS gasp_names",
                "REVOKE SELECT ON report_step FROM PUBLIC",
                "GRANT TRUNCATE ON gasp_cadence TO CURRENT_USER")) {
            jdbc.sql(sql).update();
        }
        if (jdbc.sql("SELECT count(*) FROM pg_roles WHERE rolname = ?").param(ROLE).query(Long.class).single() > 0) {
            jdbc.sql("DROP OWNED BY " + ROLE).update();
            jdbc.sql("DROP ROLE " + ROLE).update();
        }
    }

    @Test
    void the_tables_come_back_with_the_same_columns_constraints_indexes_and_names() {
        // Beyond what the migrations give: what LIKE copies and what it leaves out, on one table.
        jdbc.sql("ALTER TABLE proposal_theme ADD CONSTRAINT proposal_theme_position_positive CHECK (position >= 0)").update();
        jdbc.sql("ALTER TABLE proposal_theme ADD CONSTRAINT proposal_theme_position_unique UNIQUE (position, proposal_id)")
                .update();
        jdbc.sql("CREATE UNIQUE INDEX proposal_theme_first ON proposal_theme (proposal_id, lower(theme)) WHERE position = 0")
                .update();
        jdbc.sql("ALTER TABLE proposal_theme ALTER COLUMN theme SET DEFAULT 'sans thème'").update();
        jdbc.sql("ALTER TABLE proposal_theme SET (fillfactor = 90)").update();
        jdbc.sql("COMMENT ON TABLE proposal_theme IS 'Thèmes d''une proposition'").update();
        jdbc.sql("COMMENT ON COLUMN proposal_theme.theme IS 'Libellé'").update();
        Map<String, List<String>> before = catalog();
        Map<String, Long> rowsBefore = rowCounts();
        assertThat(before.get("proposal_theme")).contains(
                "constraint proposal_theme_position_unique UNIQUE (\"position\", proposal_id)",
                "index proposal_theme_first CREATE UNIQUE INDEX proposal_theme_first ON public.proposal_theme"
                        + " USING btree (proposal_id, lower((theme)::text)) WHERE (\"position\" = 0) valid");

        assertThat(rebuild().get("error").isNull()).isTrue();

        Map<String, List<String>> after = catalog();
        for (String table : before.keySet()) {
            assertThat(after.get(table)).as(table).containsExactlyElementsOf(before.get(table));
        }
        assertThat(rowCounts()).isEqualTo(rowsBefore);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void grants_on_a_rebuilt_table_survive_the_rebuild() {
        jdbc.sql("CREATE ROLE " + ROLE + " NOLOGIN").update();
        jdbc.sql("GRANT SELECT ON proposal_view TO " + ROLE).update();
        jdbc.sql("GRANT UPDATE (status) ON proposal_view TO " + ROLE).update();
        jdbc.sql("GRANT SELECT ON meeting_view TO " + ROLE + " WITH GRANT OPTION").update();
        jdbc.sql("GRANT SELECT ON report_step TO PUBLIC").update();
        // The owner's own privileges, once its table has an ACL of its own.
        jdbc.sql("REVOKE TRUNCATE ON gasp_cadence FROM CURRENT_USER").update();
        Map<String, List<String>> before = catalog();

        assertThat(rebuild().get("error").isNull()).isTrue();

        assertThat(catalog()).isEqualTo(before);
        assertThat(privilege("has_table_privilege(?, 'proposal_view', 'SELECT')")).isTrue();
        assertThat(privilege("has_column_privilege(?, 'proposal_view', 'status', 'UPDATE')")).isTrue();
        assertThat(privilege("has_column_privilege(?, 'proposal_view', 'title', 'UPDATE')")).isFalse();
        assertThat(privilege("has_table_privilege(?, 'meeting_view', 'SELECT WITH GRANT OPTION')")).isTrue();
        assertThat(privilege("has_table_privilege(?, 'report_step', 'SELECT')")).isTrue();
        assertThat(privilege("has_table_privilege(?, 'proposal_history', 'SELECT')")).isFalse();
        String owner = jdbc.sql("SELECT current_user").query(String.class).single();
        assertThat(before.get("gasp_cadence")).contains("grant SELECT table to " + owner + " by " + owner)
                .doesNotContain("grant TRUNCATE table to " + owner + " by " + owner);
    }

    @Test
    void a_rebuild_whose_copy_fails_leaves_the_tables_their_rows_and_their_indexes() {
        // Existing rows are not checked (NOT VALID); every row copied into the shadow is, and fails.
        jdbc.sql("ALTER TABLE proposal_history ADD CONSTRAINT proposal_history_refused CHECK (version < 0) NOT VALID")
                .update();
        Map<String, List<String>> before = catalog();
        Map<String, List<String>> rowsBefore = rows();

        JsonNode failed = rebuild();

        assertThat(failed.get("state").asText()).isEqualTo("FAILED");
        assertThat(failed.get("error").asText()).contains("COPY into", "proposal_history_rebuild", "proposal_history_refused");
        assertThat(catalog()).isEqualTo(before);
        assertThat(rows()).isEqualTo(rowsBefore);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void a_table_with_a_view_on_it_is_refused_rather_than_its_view_dropped() {
        jdbc.sql("CREATE VIEW gasp_names AS SELECT name FROM gasp_view").update();
        Map<String, List<String>> rowsBefore = rows();

        JsonNode failed = rebuild();

        assertThat(failed.get("state").asText()).isEqualTo("FAILED");
        assertThat(failed.get("error").asText()).contains("gasp_view", "a view or rule");
        assertThat(jdbc.sql("SELECT count(*) FROM gasp_names").query(Long.class).single())
                .isEqualTo(rowsBefore.get("gasp_view").size());
        assertThat(rows()).isEqualTo(rowsBefore);
        assertThat(leftovers()).isEmpty();
    }

    /**
     * A reader's transaction holds a table the swap needs and then reads another: taking the
     * tables one by one, or all at once without giving way, would deadlock with it.
     */
    @Test
    void the_swap_gives_way_to_a_reader_holding_one_table_and_reading_another() throws SQLException {
        try (Connection reader = dataSource.getConnection(); Statement statement = reader.createStatement()) {
            reader.setAutoCommit(false);
            statement.setQueryTimeout(20);
            long themes = count(statement, "SELECT count(*) FROM proposal_theme");
            long proposals = jdbc.sql("SELECT count(*) FROM proposal_view").query(Long.class).single();
            assertThat(api.post("admin", "/api/admin/replay").status()).isEqualTo(202);
            awaitSwapWaitingFor("proposal_theme");

            assertThat(count(statement, "SELECT count(*) FROM proposal_view")).isEqualTo(proposals);
            assertThat(count(statement, "SELECT count(*) FROM proposal_theme")).isEqualTo(themes);
            reader.commit();
        }
        JsonNode done = awaitDone();
        assertThat(done.get("error").isNull()).as(done.toString()).isTrue();
        assertThat(leftovers()).isEmpty();
    }

    private void awaitSwapWaitingFor(String table) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            long waiting = jdbc.sql("SELECT count(*) FROM pg_locks WHERE relation = to_regclass(?)"
                    + " AND mode = 'AccessExclusiveLock' AND NOT granted").param(table).query(Long.class).single();
            if (waiting > 0) {
                return;
            }
            assertThat(api.get("admin", "/api/admin/replay").body().get("done").asBoolean()).isFalse();
            sleep(10);
        }
        throw new AssertionError("The rebuild never waited for " + table);
    }

    private JsonNode rebuild() {
        Answer started = api.post("admin", "/api/admin/replay");
        assertThat(started.status()).isEqualTo(202);
        return awaitDone();
    }

    private JsonNode awaitDone() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode progress = api.get("admin", "/api/admin/replay").body();
            if (progress.get("done").asBoolean()) {
                return progress;
            }
            sleep(50);
        }
        throw new AssertionError("The rebuild did not finish within 60 s");
    }

    private List<String> tables() {
        return rebuilders.stream().flatMap(rebuilder -> rebuilder.tables().stream()).map(RebuiltTable::name).toList();
    }

    /**
     * Each rebuilt table as the catalog describes it, line by line, sorted: columns in order
     * (type, NOT NULL, default, comment), constraints and indexes with names and definitions,
     * owner, storage parameters, comment, and every grant on the table or one of its columns.
     */
    private Map<String, List<String>> catalog() {
        Map<String, List<String>> tables = new TreeMap<>();
        for (String table : tables()) {
            List<String> lines = new ArrayList<>(jdbc.sql("""
                    SELECT format('column %s %s %s%s%s%s', row_number() OVER (ORDER BY a.attnum), a.attname,
                                  format_type(a.atttypid, a.atttypmod), CASE WHEN a.attnotnull THEN ' not null' END,
                                  ' default ' || pg_get_expr(d.adbin, d.adrelid), ' comment ' || col_description(a.attrelid, a.attnum))
                    FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                    WHERE a.attrelid = to_regclass(:table) AND a.attnum > 0 AND NOT a.attisdropped
                    UNION ALL
                    SELECT format('constraint %s %s%s', conname, pg_get_constraintdef(oid),
                                  ' comment ' || obj_description(oid, 'pg_constraint'))
                    FROM pg_constraint WHERE conrelid = to_regclass(:table)
                    UNION ALL
                    SELECT format('index %s %s%s', indexrelid::regclass, pg_get_indexdef(indexrelid),
                                  CASE WHEN indisvalid AND indisready THEN ' valid' ELSE ' NOT VALID' END)
                    FROM pg_index WHERE indrelid = to_regclass(:table)
                    UNION ALL
                    SELECT format('table owner %s kind %s persistence %s options %s comment %s', pg_get_userbyid(relowner),
                                  relkind, relpersistence, reloptions, obj_description(oid, 'pg_class'))
                    FROM pg_class WHERE oid = to_regclass(:table)
                    UNION ALL
                    SELECT format('grant %s %s to %s by %s%s', privilege_type, coalesce(attname, 'table'), grantee::regrole,
                                  grantor::regrole, CASE WHEN is_grantable THEN ' with grant option' END)
                    FROM (SELECT NULL::name AS attname, relacl AS acl FROM pg_class WHERE oid = to_regclass(:table)
                          UNION ALL
                          SELECT attname, attacl FROM pg_attribute WHERE attrelid = to_regclass(:table) AND attacl IS NOT NULL) a,
                         aclexplode(a.acl)""").param("table", table).query(String.class).list());
            lines.sort(null);
            tables.put(table, lines);
        }
        return tables;
    }

    /** Every row of every rebuilt table, as text, sorted. */
    private Map<String, List<String>> rows() {
        Map<String, List<String>> tables = new TreeMap<>();
        for (String table : tables()) {
            List<String> rows = new ArrayList<>(jdbc.sql("SELECT t::text FROM " + table + " t").query(String.class).list());
            rows.sort(null);
            tables.put(table, rows);
        }
        return tables;
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : tables()) {
            counts.put(table, jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
        }
        return counts;
    }

    /** Shadow tables, or indexes still under their temporary names. */
    private List<String> leftovers() {
        return jdbc.sql("SELECT relname FROM pg_class WHERE relname LIKE '%\\_rebuild' OR relname LIKE 'rebuild\\_%'")
                .query(String.class).list();
    }

    private boolean privilege(String call) {
        return jdbc.sql("SELECT " + call).param(ROLE).query(Boolean.class).single();
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
