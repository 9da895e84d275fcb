package fr.gasp.command.directory;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Directory entries kept in memory once found. A GASP, a group or a meeting never changes nor
 * leaves the directory once created (its tables are only ever inserted into), so an entry read
 * once answers every later command, on this node or any other: one round trip to PostgreSQL
 * fewer for most commands (issue 6 counted one group lookup per command under load). An entry
 * not found is asked again each time: it may be created meanwhile, here or on another node. An
 * entry read inside a transaction is kept only once that transaction has committed: the
 * transaction may have created it, and may roll back. The least recently used entries are
 * forgotten beyond {@code capacity}.
 */
final class EntriesFoundOnce<K, V> {

    private final Map<K, V> found;

    EntriesFoundOnce(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.found = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The entry, from memory when it was found before, else from {@code read}. */
    Optional<V> get(K key, Function<K, Optional<V>> read) {
        V known;
        synchronized (found) {
            known = found.get(key);
        }
        if (known != null) {
            return Optional.of(known);
        }
        Optional<V> entry = read.apply(key);
        entry.ifPresent(value -> keepOnceCommitted(key, value));
        return entry;
    }

    private void keepOnceCommitted(K key, V value) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            keep(key, value);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                keep(key, value);
            }
        });
    }

    private void keep(K key, V value) {
        synchronized (found) {
            found.put(key, value);
        }
    }
}
