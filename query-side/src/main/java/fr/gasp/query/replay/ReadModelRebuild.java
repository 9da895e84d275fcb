package fr.gasp.query.replay;

import fr.gasp.query.common.ReadModel;
import fr.gasp.query.common.ReadModelCommits;
import fr.gasp.query.common.ReadModelRebuilder;
import fr.gasp.query.common.RebuiltRows;
import fr.gasp.query.common.RebuiltTable;
import fr.gasp.query.common.ReplayedEvent;
import fr.gasp.query.replay.ReplayProgress.State;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rebuilds every read model from the stored events, in one transaction: the old rows keep
 * serving until it commits, and a crash (or a failure) in the middle leaves them, and the
 * processor's position, as they were. The read-model processor pauses meanwhile and then
 * goes on from the last event the rebuild read; its token row stays locked by the rebuild,
 * so no other instance can take the processor over in between. The audit chain, which has
 * its own processor and records first sights, is not touched. Events parked in the
 * dead-letter queue are rebuilt like the others, and the queue emptied in the same transaction.
 *
 * <p>Speed comes from reading the store in one streamed query and writing in bulk, with
 * the state that changes over a record's life kept in memory ({@link ReadModelRebuilder}).
 * On PostgreSQL the rows go into unindexed copies of the tables, indexed once full and
 * swapped in at the end ({@link ShadowTables}); elsewhere (the embedded H2) the tables are
 * emptied and filled again.
 */
@Service
public class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);

    private final List<ReadModelRebuilder> rebuilders;
    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final Serializer serializer;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ReadModelCommits commits;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "read-model-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    private final AtomicReference<ReplayProgress> last = new AtomicReference<>(ReplayProgress.idle());
    private final AtomicLong processed = new AtomicLong();
    private volatile long total;
    private volatile Instant startedAt;
    /** When reading began, after the processor paused: what the rate is measured from. */
    private volatile Instant readingSince;

    public ReadModelRebuild(List<ReadModelRebuilder> rebuilders, EventProcessingConfiguration processing,
                            TokenStore tokenStore, @Qualifier("eventSerializer") Serializer serializer,
                            DataSource dataSource, PlatformTransactionManager transactionManager, Clock clock,
                            ReadModelCommits commits) {
        this.rebuilders = rebuilders;
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.serializer = serializer;
        this.dataSource = dataSource;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.commits = commits;
    }

    /** Starts a rebuild in the background; {@code false} when one is already running. */
    public synchronized boolean start() {
        if (last.get().state() == State.RUNNING) {
            return false;
        }
        processed.set(0);
        total = 0;
        startedAt = clock.instant();
        readingSince = startedAt;
        last.set(running());
        worker.submit(this::run);
        return true;
    }

    public ReplayProgress progress() {
        ReplayProgress progress = last.get();
        return progress.state() == State.RUNNING ? running() : progress;
    }

    private void run() {
        TrackingEventProcessor processor = processing
                .eventProcessor(ReadModel.PROCESSING_GROUP, TrackingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No read-model processor"));
        log.info("Reconstruction des modèles de lecture : démarrage (le traitement des nouveaux événements est suspendu)");
        processor.shutDown();
        try {
            transaction.executeWithoutResult(status -> rebuildInTransaction());
            commits.moved();
            ReplayProgress done = finished(State.DONE, null);
            last.set(done);
            log.info("Reconstruction des modèles de lecture terminée : {} événements en {} s ({} événements/s)",
                    done.processed(), secondsSince(startedAt, done.finishedAt()), Math.round(done.eventsPerSecond()));
        } catch (RuntimeException e) {
            last.set(finished(State.FAILED, "La reconstruction a échoué, les modèles de lecture sont inchangés : "
                    + e.getMessage()));
            log.error("Reconstruction des modèles de lecture échouée ; rien n'a été changé", e);
        } finally {
            rebuilders.forEach(ReadModelRebuilder::begin);
            processor.start();
        }
    }

    private void rebuildInTransaction() {
        lockProcessorPosition();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            long head = single(connection, "SELECT coalesce(max(global_index), 0) FROM domain_event_entry");
            total = single(connection, "SELECT count(*) FROM domain_event_entry WHERE global_index <= " + head);
            log.info("Reconstruction des modèles de lecture : {} événements à relire", total);
            forgetDeadLetters(connection);
            StoredEventReader reader = new StoredEventReader(serializer, head);
            if (PostgresCopyRows.supports(connection)) {
                ShadowTables shadows = ShadowTables.create(connection, tables());
                replay(reader, new PostgresCopyRows(connection, tables(), shadows::target));
                log.info("Reconstruction des modèles de lecture : lignes écrites, construction des index");
                shadows.swapIn();
            } else {
                emptyTables(connection);
                replay(reader, new BatchedInsertRows(connection));
            }
            // Every segment starts after the head: each has seen, in the rebuild, all its events up to it.
            for (int segment : tokenStore.fetchSegments(ReadModel.PROCESSING_GROUP)) {
                tokenStore.storeToken(head == 0 ? null : reader.position(), ReadModel.PROCESSING_GROUP, segment);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Every stored event up to the head, through every rebuilder, into {@code rows}. */
    private void replay(StoredEventReader reader, BulkRows rows) throws SQLException {
        rebuilders.forEach(ReadModelRebuilder::begin);
        readingSince = clock.instant();
        try (EventPipe events = new EventPipe(dataSource, reader); rows) {
            events.forEach(event -> apply(event, rows));
            for (ReadModelRebuilder rebuilder : rebuilders) {
                rebuilder.finish(rows);
            }
        }
    }

    private void apply(ReplayedEvent event, RebuiltRows rows) {
        for (ReadModelRebuilder rebuilder : rebuilders) {
            rebuilder.apply(event, rows);
        }
        long count = processed.incrementAndGet();
        if (count % 100_000 == 0) {
            ReplayProgress progress = running();
            log.info("Reconstruction des modèles de lecture : {} / {} événements ({} %, {} événements/s)",
                    progress.processed(), progress.total(), Math.round(progress.percent()),
                    Math.round(progress.eventsPerSecond()));
        }
    }

    /**
     * Claims the processor's position, every segment of it, in this transaction (they were
     * released when the processor paused): the token rows stay locked until the rebuild commits
     * or rolls back.
     */
    private void lockProcessorPosition() {
        if (tokenStore.fetchSegments(ReadModel.PROCESSING_GROUP).length == 0) {
            tokenStore.initializeTokenSegments(ReadModel.PROCESSING_GROUP, ReadModel.SEGMENTS);
        }
        for (int segment : tokenStore.fetchSegments(ReadModel.PROCESSING_GROUP)) {
            TrackingToken before = tokenStore.fetchToken(ReadModel.PROCESSING_GROUP, segment);
            log.info("Reconstruction des modèles de lecture : position précédente du segment {} : {}", segment, before);
        }
    }

    private List<RebuiltTable> tables() {
        return rebuilders.stream().flatMap(rebuilder -> rebuilder.tables().stream()).toList();
    }

    /**
     * Where there are no shadow tables (the embedded H2): the tables themselves, emptied and
     * filled again. DELETE, not TRUNCATE: readers keep seeing the old rows until the commit.
     */
    private void emptyTables(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (RebuiltTable table : tables()) {
                statement.executeUpdate("DELETE FROM " + table.name());
            }
        }
    }

    /** Parked events are in the rebuild like every other: retrying them later would apply them twice. */
    private static void forgetDeadLetters(Connection connection) throws SQLException {
        try (var statement = connection.prepareStatement("DELETE FROM dead_letter_entry WHERE processing_group = ?")) {
            statement.setString(1, ReadModel.PROCESSING_GROUP);
            statement.executeUpdate();
        }
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private ReplayProgress running() {
        long count = processed.get();
        long of = total;
        return new ReplayProgress(State.RUNNING, count, of, of == 0 ? 0 : 100.0 * count / of,
                rate(count, readingSince, clock.instant()), startedAt, null, false, null);
    }

    private ReplayProgress finished(State state, String error) {
        Instant end = clock.instant();
        long count = processed.get();
        long of = total;
        double percent = state == State.DONE ? 100 : of == 0 ? 0 : 100.0 * count / of;
        return new ReplayProgress(state, count, of, percent, rate(count, readingSince, end), startedAt, end, true, error);
    }

    private static double rate(long count, Instant from, Instant to) {
        double seconds = Duration.between(from, to).toNanos() / 1e9;
        return seconds <= 0 ? 0 : count / seconds;
    }

    private static String secondsSince(Instant from, Instant to) {
        return String.format("%.1f", Duration.between(from, to).toMillis() / 1000.0);
    }
}
