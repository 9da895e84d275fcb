package fr.gasp.command.cache;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The aggregates a command side last wrote, as Axon's caching repository keeps them, but only
 * once the request's transaction has committed (docs/adr/0022).
 *
 * <p>Axon puts an aggregate in its cache when its unit of work commits. Here that is inside the
 * request's transaction (ADR 0006), which may still roll back: a request refused after its
 * command would leave in Axon's own caches a version that was never stored, and the next command
 * would decide from it. So a {@link #put} first hides whatever the entry held (a load in
 * between reads the store), and the new version is shown only when the transaction commits;
 * nothing is shown when it rolls back, or when a newer write of the same aggregate has begun in
 * the meantime. The cache therefore never holds an older version than the last one this node
 * committed; a version committed by another node is caught by the event store's unique
 * (aggregate, sequence) key, the command refused 409 and the entry removed by Axon.
 *
 * <p>Bounded: the least recently used aggregates go first. A capacity of 0 caches nothing.
 */
public final class CommittedAggregateCache implements Cache {

    /** What an aggregate's entry holds: a committed version, or a write not yet committed. */
    private sealed interface Slot permits Committed, Pending {
    }

    private record Committed(Object entry) implements Slot {
    }

    /** Compared by identity: each write is its own. */
    private static final class Pending implements Slot {
    }

    private final int capacity;
    private final Map<Object, Slot> slots;

    public CommittedAggregateCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("The aggregate cache's capacity cannot be negative: " + capacity);
        }
        this.capacity = capacity;
        this.slots = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Slot> eldest) {
                return size() > CommittedAggregateCache.this.capacity;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <K, V> V get(K key) {
        return slots.get(key) instanceof Committed committed ? (V) committed.entry() : null;
    }

    /**
     * Hides the aggregate's entry now, and shows {@code value} once the current transaction
     * commits. Without a transaction to follow, the entry is only removed.
     */
    @Override
    public void put(Object key, Object value) {
        if (capacity == 0 || !TransactionSynchronizationManager.isSynchronizationActive()) {
            remove(key);
            return;
        }
        Pending write = new Pending();
        synchronized (this) {
            slots.put(key, write);
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                settle(key, write, status == STATUS_COMMITTED ? new Committed(value) : null);
            }
        });
    }

    /** Replaces the write's pending slot by its outcome, unless another write or a removal came since. */
    private synchronized void settle(Object key, Pending write, Committed outcome) {
        if (slots.get(key) != write) {
            return;
        }
        if (outcome == null) {
            slots.remove(key);
        } else {
            slots.put(key, outcome);
        }
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        synchronized (this) {
            if (slots.containsKey(key)) {
                return false;
            }
        }
        put(key, value);
        return true;
    }

    @Override
    public synchronized boolean remove(Object key) {
        return slots.remove(key) != null;
    }

    @Override
    public synchronized void removeAll() {
        slots.clear();
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return slots.get(key) instanceof Committed;
    }

    /** How many aggregates are held, written or being written. */
    public synchronized int size() {
        return slots.size();
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        throw new UnsupportedOperationException("The aggregate cache tells no listener of its entries");
    }
}
