package fr.gasp.query.common;

/**
 * Whether the read-model processor is running a batch optimistically — all its events in one
 * transaction, no savepoint between them — and the way back to running it event by event
 * when that batch fails ({@code fr.gasp.query.deadletter.EventSavepoints}).
 */
public interface OptimisticBatches {

    /** Whether an event of an optimistic batch is being handled on this thread. */
    boolean optimisticBatchOnThisThread();

    /** Whether the processor's batches run optimistically now (not since a batch failed, until one commits). */
    boolean batchesRunOptimistically();

    /**
     * The current batch failed as a whole ({@code cause}): it is to be run again with a
     * savepoint around each event. Answers the exception to fail the batch with.
     */
    RuntimeException runAgainEventByEvent(Throwable cause);
}
