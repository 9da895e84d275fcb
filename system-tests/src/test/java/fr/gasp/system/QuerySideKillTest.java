package fr.gasp.system;

import com.fasterxml.jackson.databind.JsonNode;
import fr.gasp.platform.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query side killed ({@code kill -9}) in the middle of its work, then started again on
 * the same database: while it projects a burst of events, and while it rebuilds its read
 * models. Once caught up, its read models equal a rebuild from scratch (nothing skipped,
 * nothing projected twice) and its audit chain verifies, with every stored event exactly once.
 * The store is filled straight through JDBC with copies of events recorded through the API
 * ({@link StoredEventCopies}), as HTTP could not record enough of them in the test's time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuerySideKillTest {

    /** Copies of the 18 template events in the store before the tests: a rebuild of them takes a while. */
    private static final int STORE_COPIES = Integer.getInteger("gasp.reliability.storeCopies", 2_000);
    /** Copies in the burst the query side is killed in the middle of. */
    private static final int BURST_COPIES = Integer.getInteger("gasp.reliability.burstCopies", 1_000);

    private GaspService service;
    private List<String> templates;

    @BeforeAll
    void fillTheStore() throws Exception {
        service = GaspService.start();
        Organisation gasp = Organisation.create(service, "GASP des pannes");
        templates = TemplateProposals.record(service, gasp);
        long started = System.nanoTime();
        int added = StoredEventCopies.append(service.databaseUrl, templates, STORE_COPIES, 5_000);
        long inserted = System.nanoTime();
        CatchUp.await(service, Duration.ofSeconds(120));
        long caughtUp = System.nanoTime();
        System.out.println("[query-kill] " + added + " events copied in " + (inserted - started) / 1_000_000
                + " ms, projected in " + (caughtUp - inserted) / 1_000_000 + " ms");
    }

    @AfterAll
    void stop() throws Exception {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void killed_while_projecting_a_burst_it_resumes_where_its_last_commit_left_it() throws Exception {
        long audited = audited();
        int burst = StoredEventCopies.append(service.databaseUrl, templates, BURST_COPIES, 5_000);
        long seen = awaitAudited(audited + 500, Duration.ofSeconds(60));
        service.killQuerySide();
        long atKill = audited();
        System.out.println("[query-kill] killed after " + (atKill - audited) + " of a burst of " + burst + " events");
        assertThat(atKill).as("killed in the middle of the burst (raise gasp.reliability.burstCopies if it was"
                + " all projected already)").isLessThan(audited + burst).isGreaterThanOrEqualTo(seen);

        long restarted = System.nanoTime();
        service.startQuerySide();
        CatchUp.await(service, Duration.ofSeconds(120));
        System.out.println("[query-kill] restarted and caught up in " + (System.nanoTime() - restarted) / 1_000_000 + " ms");
        AuditChain.assertEveryEventChainedOnce(service);
        ProposalReadModel.assertMatchesStore(service.databaseUrl);
        Replay.assertReadModelsEqualARebuild(service);
    }

    @Test
    void killed_while_rebuilding_it_keeps_the_read_models_it_had_and_can_rebuild_again() throws Exception {
        CatchUp.await(service, Duration.ofSeconds(120));
        Map<String, List<String>> before = dump();
        Replay.start(service);
        JsonNode progress = Replay.progress(service);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (progress.path("processed").asLong() == 0 && !progress.path("done").asBoolean()
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
            progress = Replay.progress(service);
        }
        service.killQuerySide();
        System.out.println("[query-kill] killed during a rebuild at " + progress);
        assertThat(progress.path("state").asText()).as("killed in the middle of the rebuild (a bigger store,"
                + " gasp.reliability.storeCopies, makes it last longer): " + progress).isEqualTo("RUNNING");
        assertThat(progress.path("processed").asLong()).as(progress.toString()).isPositive();

        service.startQuerySide();
        CatchUp.await(service, Duration.ofSeconds(120));
        System.out.println("[query-kill] after the restart: " + Replay.progress(service));
        assertThat(ReadModelTables.differences(before, dump()))
                .as("a rebuild cut off must leave the read models as they were").isEmpty();
        AuditChain.assertEveryEventChainedOnce(service);
        ProposalReadModel.assertMatchesStore(service.databaseUrl);
        Replay.assertReadModelsEqualARebuild(service);
    }

    private Map<String, List<String>> dump() throws Exception {
        try (Connection connection = TestDatabase.connect(service.databaseUrl)) {
            return ReadModelTables.dump(connection);
        }
    }

    private long audited() throws Exception {
        try (Connection connection = TestDatabase.connect(service.databaseUrl);
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT count(*) FROM audit_event")) {
            count.next();
            return count.getLong(1);
        }
    }

    private long awaitAudited(long atLeast, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long audited = audited();
        while (audited < atLeast) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the query side never projected " + atLeast + " events; " + audited);
            }
            Thread.sleep(10);
            audited = audited();
        }
        return audited;
    }
}
