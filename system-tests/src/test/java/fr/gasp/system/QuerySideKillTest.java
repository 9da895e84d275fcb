package fr.gasp.system;

import com.fasterxml.jackson.databind.JsonNode;
import fr.gasp.platform.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

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
@ExtendWith(BothApps.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuerySideKillTest {

    /**
     * Copies of the 17 template events in the store before the tests: a rebuild of them takes a
     * while (≈7,000 events: about half a second at the rebuild's speed on 2 cores).
     */
    private static final int STORE_COPIES = Integer.getInteger("gasp.reliability.storeCopies", 400);
    /**
     * Copies in the burst the query side is killed in the middle of: ≈85,000 events, several
     * seconds of projection, so that a fast processor on an idle machine is still at it when
     * the slower one (the audit chain's) has started (7,000 were all projected by then once
     * the read models caught up at 3,000 events/s and more; 34,000 once the read-model
     * processor lost a round trip per batch and Axon's time limits: 43,900 of 85,000 then).
     */
    private static final int BURST_COPIES = Integer.getInteger("gasp.reliability.burstCopies", 5_000);

    private static final int KILL_ATTEMPTS = 5;
    private static final int KILL_BEFORE_PERCENT = 60;

    private GaspService service;
    private List<String> templates;

    @BeforeAll
    void fillTheStore(GaspService service) throws Exception {
        this.service = service;
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

    @Test
    void killed_while_projecting_a_burst_it_resumes_where_its_last_commit_left_it() throws Exception {
        long[] before = progress();
        int burst = StoredEventCopies.append(service.databaseUrl, templates, BURST_COPIES, 5_000);
        // Both processors under way: the read models' and the audit chain's.
        long[] seen = awaitProgress(before[0] + 200, before[1] + 200, Duration.ofSeconds(60));
        service.killQuerySide();
        long[] atKill = progress();
        long restarted = System.nanoTime();
        try {
            System.out.println("[query-kill] killed with " + (atKill[0] - before[0]) + " events of a burst of " + burst
                    + " projected and " + (atKill[1] - before[1]) + " chained");
            String why = "killed in the middle of the burst (raise gasp.reliability.burstCopies if it was all read already)";
            assertThat(atKill[0]).as(why).isLessThan(before[0] + burst).isGreaterThanOrEqualTo(seen[0]);
            assertThat(atKill[1]).as(why).isLessThan(before[1] + burst).isGreaterThanOrEqualTo(seen[1]);
        } finally {
            // The apps are shared with the other system tests: they get a query side whatever happened.
            service.startQuerySide();
        }
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
        JsonNode atKill = null;
        for (int attempt = 1; attempt <= KILL_ATTEMPTS && atKill == null; attempt++) {
            atKill = killDuringARebuild();
        }
        assertThat(atKill).as("no rebuild caught in its first " + KILL_BEFORE_PERCENT + " % in " + KILL_ATTEMPTS
                + " attempts: a bigger store (gasp.reliability.storeCopies) makes it last longer").isNotNull();
        System.out.println("[query-kill] killed during a rebuild at " + atKill);
        service.startQuerySide();
        CatchUp.await(service, Duration.ofSeconds(120));
        System.out.println("[query-kill] after the restart: " + Replay.progress(service));
        assertThat(ReadModelTables.differences(before, dump()))
                .as("a rebuild cut off must leave the read models as they were").isEmpty();
        AuditChain.assertEveryEventChainedOnce(service);
        ProposalReadModel.assertMatchesStore(service.databaseUrl);
        Replay.assertReadModelsEqualARebuild(service);
    }

    /**
     * Starts a rebuild and kills the query side once the rebuild has read some events and is
     * not past {@link #KILL_BEFORE_PERCENT} of them (what it last said, else null, after
     * letting it finish: it went too fast to be caught this time).
     */
    private JsonNode killDuringARebuild() throws Exception {
        Replay.start(service);
        JsonNode progress = Replay.progress(service);
        while (progress.path("processed").asLong() == 0 && !progress.path("done").asBoolean()) {
            progress = Replay.progress(service);
        }
        if (progress.path("state").asText().equals("RUNNING") && progress.path("percent").asDouble() < KILL_BEFORE_PERCENT) {
            service.killQuerySide();
            return progress;
        }
        Replay.awaitDone(service, Duration.ofSeconds(60));
        return null;
    }

    private Map<String, List<String>> dump() throws Exception {
        try (Connection connection = TestDatabase.connect(service.databaseUrl)) {
            return ReadModelTables.dump(connection);
        }
    }

    /** Proposal events in the read models (one history row each), and events in the audit chain. */
    private long[] progress() throws Exception {
        try (Connection connection = TestDatabase.connect(service.databaseUrl);
             Statement statement = connection.createStatement();
             ResultSet counts = statement.executeQuery(
                     "SELECT (SELECT count(*) FROM proposal_history), (SELECT count(*) FROM audit_event)")) {
            counts.next();
            return new long[]{counts.getLong(1), counts.getLong(2)};
        }
    }

    private long[] awaitProgress(long projected, long chained, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long[] progress = progress();
        while (progress[0] < projected || progress[1] < chained) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the query side never read the burst: " + progress[0] + " events projected, "
                        + progress[1] + " chained");
            }
            Thread.sleep(10);
            progress = progress();
        }
        return progress;
    }
}
