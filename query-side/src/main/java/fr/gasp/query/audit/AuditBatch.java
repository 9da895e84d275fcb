package fr.gasp.query.audit;

import fr.gasp.query.audit.AuditLog.Head;
import fr.gasp.query.audit.AuditLog.NewRow;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the audit processor reads and writes for one batch of events, gathered so that a batch
 * costs a handful of round trips instead of three to five per event (issue 6: each one waited
 * for PostgreSQL on a busy machine, and slowed the read models' processor beside it): the
 * batch's stored rows read in one query, the chain's head once, each subject's label once, and
 * the new rows and labels sent as JDBC batches just before the batch commits, in its
 * transaction. It lives in the batch's unit of work: a batch that fails takes it along, and
 * the processor's retry of that batch starts a new one from what is committed.
 */
final class AuditBatch {

    private static final String RESOURCE = AuditBatch.class.getName();

    private final Function<List<String>, Map<String, StoredEvent>> readStored;
    private final List<String> identifiers;
    /** The subjects the batch's events name, whose labels are read together at the first one asked. */
    private final Set<UUID> subjects;
    private boolean subjectsRead;
    private Map<String, StoredEvent> stored;
    private Optional<Head> head;
    private final List<NewRow> rows = new ArrayList<>();
    private final Map<UUID, Optional<String>> labels = new HashMap<>();
    private final Map<UUID, String> learnt = new LinkedHashMap<>();

    private AuditBatch(List<String> identifiers, Set<UUID> subjects,
                       Function<List<String>, Map<String, StoredEvent>> readStored) {
        this.identifiers = identifiers;
        this.subjects = subjects;
        this.readStored = readStored;
    }

    /**
     * The batch of the unit of work in progress, begun at its first event: sent by
     * {@code send} when the unit of work prepares to commit.
     */
    static AuditBatch of(UnitOfWork<?> unitOfWork, Function<List<String>, Map<String, StoredEvent>> readStored,
                         Consumer<AuditBatch> send) {
        UnitOfWork<?> root = unitOfWork.root();
        return root.getOrComputeResource(RESOURCE, key -> {
            AuditBatch batch = new AuditBatch(identifiersOf(root), subjectsOf(root), readStored);
            root.onPrepareCommit(committing -> send.accept(batch));
            return batch;
        });
    }

    /** The batch being handled on this thread, if any: where subject labels are read and learnt meanwhile. */
    static Optional<AuditBatch> inProgress() {
        if (!CurrentUnitOfWork.isStarted()) {
            return Optional.empty();
        }
        return Optional.ofNullable(CurrentUnitOfWork.get().root().getResource(RESOURCE));
    }

    private static List<String> identifiersOf(UnitOfWork<?> root) {
        if (root instanceof BatchingUnitOfWork<?> batching) {
            List<String> identifiers = new ArrayList<>();
            for (Message<?> message : batching.getMessages()) {
                identifiers.add(message.getIdentifier());
            }
            return identifiers;
        }
        return List.of(root.getMessage().getIdentifier());
    }

    /** Every identifier the batch's events carry (a proposal's, its group's, a meeting's…): the subjects they may name. */
    private static Set<UUID> subjectsOf(UnitOfWork<?> root) {
        Set<UUID> subjects = new HashSet<>();
        if (root instanceof BatchingUnitOfWork<?> batching) {
            for (Message<?> message : batching.getMessages()) {
                subjects.addAll(EventIdentifiers.of(message.getPayload()));
            }
        } else {
            subjects.addAll(EventIdentifiers.of(root.getMessage().getPayload()));
        }
        return subjects;
    }

    /** The event's stored row: from the batch's one read when it is one of the batch's events. */
    Optional<StoredEvent> stored(String eventIdentifier, Function<String, Optional<StoredEvent>> readOne) {
        if (stored == null) {
            stored = readStored.apply(identifiers);
        }
        StoredEvent row = stored.get(eventIdentifier);
        return row != null ? Optional.of(row) : readOne.apply(eventIdentifier);
    }

    /** The chain's last link: read once, then carried from row to row. */
    Optional<Head> head(Supplier<Optional<Head>> read) {
        if (head == null) {
            head = read.get();
        }
        return head;
    }

    void add(NewRow row) {
        rows.add(row);
        head = Optional.of(new Head(row.chainPosition(), row.hash()));
    }

    /**
     * A subject's label as known at this point of the batch: learnt in it, or read once; the
     * first label asked reads those of every subject the batch's events name, in one query
     * ({@code readAll}) instead of one per subject (issue 6: most events of a batch under load
     * are of different proposals, and each read waited for PostgreSQL on a busy machine).
     */
    Optional<String> label(UUID id, Function<UUID, Optional<String>> read,
                           Function<Collection<UUID>, Map<UUID, String>> readAll) {
        String justLearnt = learnt.get(id);
        if (justLearnt != null) {
            return Optional.of(justLearnt);
        }
        if (!subjectsRead && !subjects.isEmpty()) {
            subjectsRead = true;
            Map<UUID, String> stored = readAll.apply(subjects);
            for (UUID subject : subjects) {
                labels.put(subject, Optional.ofNullable(stored.get(subject)));
            }
        }
        return labels.computeIfAbsent(id, read);
    }

    void learn(UUID id, String label) {
        learnt.put(id, label);
    }

    List<NewRow> rows() {
        return rows;
    }

    /** The last label learnt for each subject in the batch: the only one worth writing. */
    Map<UUID, String> learnt() {
        return learnt;
    }
}
