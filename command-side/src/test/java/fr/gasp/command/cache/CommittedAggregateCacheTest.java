package fr.gasp.command.cache;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.transaction.support.TransactionSynchronization.STATUS_COMMITTED;
import static org.springframework.transaction.support.TransactionSynchronization.STATUS_ROLLED_BACK;

/**
 * What the cache shows, write by write, with the request's transaction played by hand: a
 * transaction is "begun" by turning Spring's synchronization on, and "ended" by running the
 * synchronizations registered meanwhile, as Spring does after a commit or a rollback.
 */
class CommittedAggregateCacheTest {

    private final CommittedAggregateCache cache = new CommittedAggregateCache(3);

    @AfterEach
    void noTransactionLeftOpen() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void a_write_is_shown_once_its_transaction_commits() {
        List<TransactionSynchronization> transaction = inTransaction(() -> {
            cache.put("p", "v1");
            assertThat((Object) cache.get("p")).as("not yet committed").isNull();
            assertThat(cache.containsKey("p")).isFalse();
        });
        end(transaction, STATUS_COMMITTED);

        assertThat((Object) cache.get("p")).isEqualTo("v1");
        assertThat(cache.containsKey("p")).isTrue();
    }

    @Test
    void a_write_rolled_back_leaves_nothing_not_even_the_version_before_it() {
        commit("p", "v1");
        List<TransactionSynchronization> transaction = inTransaction(() -> {
            cache.put("p", "v2");
            assertThat((Object) cache.get("p")).as("v1 is hidden while v2 is being written").isNull();
        });
        end(transaction, STATUS_ROLLED_BACK);

        assertThat((Object) cache.get("p")).as("v1 may be outdated by then: the store decides").isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void a_write_committed_after_a_newer_one_began_does_not_replace_it() {
        List<TransactionSynchronization> older = inTransaction(() -> cache.put("p", "v1"));
        List<TransactionSynchronization> newer = inTransaction(() -> cache.put("p", "v2"));

        end(older, STATUS_COMMITTED);
        assertThat((Object) cache.get("p")).as("v2 is still being written").isNull();
        end(newer, STATUS_COMMITTED);
        assertThat((Object) cache.get("p")).isEqualTo("v2");
    }

    @Test
    void a_write_committed_after_its_entry_was_removed_is_not_shown() {
        List<TransactionSynchronization> transaction = inTransaction(() -> cache.put("p", "v1"));
        cache.remove("p");
        end(transaction, STATUS_COMMITTED);

        assertThat((Object) cache.get("p")).isNull();
    }

    @Test
    void without_a_transaction_a_write_only_removes_the_entry() {
        commit("p", "v1");
        cache.put("p", "v2");

        assertThat((Object) cache.get("p")).isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void the_least_recently_used_aggregate_goes_first_beyond_the_capacity() {
        commit("a", "A");
        commit("b", "B");
        commit("c", "C");
        assertThat((Object) cache.get("a")).isEqualTo("A");
        commit("d", "D");

        assertThat((Object) cache.get("b")).as("least recently used").isNull();
        assertThat((Object) cache.get("a")).isEqualTo("A");
        assertThat((Object) cache.get("c")).isEqualTo("C");
        assertThat((Object) cache.get("d")).isEqualTo("D");
        assertThat(cache.size()).isEqualTo(3);
    }

    @Test
    void with_no_capacity_nothing_is_kept() {
        CommittedAggregateCache none = new CommittedAggregateCache(0);
        end(inTransaction(() -> none.put("p", "v1")), STATUS_COMMITTED);

        assertThat((Object) none.get("p")).isNull();
        assertThat(none.size()).isZero();
        assertThatThrownBy(() -> new CommittedAggregateCache(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void put_if_absent_leaves_an_entry_being_written_alone() {
        List<TransactionSynchronization> transaction = inTransaction(() -> {
            cache.put("p", "v1");
            assertThat(cache.putIfAbsent("p", "other")).isFalse();
        });
        end(transaction, STATUS_COMMITTED);

        assertThat((Object) cache.get("p")).isEqualTo("v1");
    }

    private void commit(String key, String value) {
        end(inTransaction(() -> cache.put(key, value)), STATUS_COMMITTED);
    }

    /** Runs {@code work} as inside a transaction; returns what is to run when that transaction ends. */
    private static List<TransactionSynchronization> inTransaction(Runnable work) {
        TransactionSynchronizationManager.initSynchronization();
        try {
            work.run();
            return TransactionSynchronizationManager.getSynchronizations();
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    private static void end(List<TransactionSynchronization> transaction, int status) {
        TransactionSynchronizationUtils.invokeAfterCompletion(transaction, status);
    }
}
