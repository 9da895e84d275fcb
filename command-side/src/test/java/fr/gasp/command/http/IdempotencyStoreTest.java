package fr.gasp.command.http;

import fr.gasp.platform.idempotency.IdempotencyExpiry;
import fr.gasp.platform.idempotency.IdempotencyStore;
import fr.gasp.platform.idempotency.StoredAnswer;
import fr.gasp.platform.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code idempotency_record} table as the command side migrates it, on both databases it
 * runs on: a key claimed in a transaction not yet committed makes a second claim wait for
 * the outcome, and only then answer: taken if the first committed, free if it rolled back.
 */
class IdempotencyStoreTest {

    private static final String H2 = "jdbc:h2:mem:idempotency;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
    private static final Instant NOW = Instant.parse("2002-06-15T10:00:00Z");

    private final ExecutorService other = Executors.newSingleThreadExecutor();
    private IdempotencyStore store;
    private DataSourceTransactionManager transactions;

    @AfterEach
    void stop() {
        other.shutdownNow();
    }

    private void on(String database) {
        DriverManagerDataSource dataSource;
        if (database.equals("h2")) {
            dataSource = new DriverManagerDataSource(H2, "sa", "");
        } else {
            String url = TestDatabase.create();
            Map<String, Object> properties = TestDatabase.springProperties(url);
            dataSource = new DriverManagerDataSource(url, (String) properties.get("spring.datasource.username"),
                    (String) properties.get("spring.datasource.password"));
        }
        Flyway.configure().dataSource(dataSource).locations("classpath:db/shared", "classpath:db/command")
                .table("flyway_command_history").load().migrate();
        store = new IdempotencyStore(JdbcClient.create(dataSource));
        transactions = new DataSourceTransactionManager(dataSource);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void a_second_claim_waits_for_the_first_and_then_finds_its_answer(String database) throws Exception {
        on(database);
        TransactionStatus first = transactions.getTransaction(TransactionDefinition.withDefaults());
        assertThat(store.claim("cle-" + database, "secretariat", "hash-1", NOW)).isTrue();

        Future<Boolean> second = other.submit(() -> new TransactionTemplate(transactions)
                .execute(status -> store.claim("cle-" + database, "secretariat", "hash-2", NOW)));
        Thread.sleep(300);
        assertThat(second.isDone()).as("the second claim waits for the first transaction").isFalse();

        store.complete("cle-" + database, "secretariat", 201, "application/json", "/api/gasps/1",
                "{\"id\":1}".getBytes(StandardCharsets.UTF_8));
        transactions.commit(first);
        assertThat(second.get(10, TimeUnit.SECONDS)).isFalse();
        StoredAnswer answer = store.find("cle-" + database, "secretariat").orElseThrow();
        assertThat(answer.requestHash()).isEqualTo("hash-1");
        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.location()).isEqualTo("/api/gasps/1");
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":1}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void a_second_claim_takes_the_key_when_the_first_fails(String database) throws Exception {
        on(database);
        TransactionStatus first = transactions.getTransaction(TransactionDefinition.withDefaults());
        assertThat(store.claim("echec-" + database, "secretariat", "hash-1", NOW)).isTrue();

        Future<Boolean> second = other.submit(() -> new TransactionTemplate(transactions)
                .execute(status -> store.claim("echec-" + database, "secretariat", "hash-2", NOW)));
        Thread.sleep(300);
        transactions.rollback(first);
        assertThat(second.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void the_same_key_of_two_users_are_two_keys(String database) {
        on(database);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            assertThat(store.claim("commune", "secretariat", "h", NOW)).isTrue();
            assertThat(store.claim("commune", "admin", "h", NOW)).isTrue();
            assertThat(store.claim("commune", "admin", "h", NOW)).isFalse();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void keys_older_than_the_retention_are_forgotten_and_the_others_kept(String database) {
        on(database);
        Instant now = Instant.parse("2002-06-20T10:00:00Z");
        store.claim("ancienne-" + database, "secretariat", "hash-1", now.minus(Duration.ofDays(31)));
        store.claim("limite-" + database, "secretariat", "hash-2", now.minus(Duration.ofDays(30)));
        store.claim("recente-" + database, "referent", "hash-3", now.minus(Duration.ofHours(1)));
        IdempotencyExpiry expiry = new IdempotencyExpiry(store, Duration.ofDays(30), Duration.ofHours(1),
                Clock.fixed(now, ZoneOffset.UTC));

        assertThat(expiry.forgetExpiredKeys()).isEqualTo(1);

        assertThat(store.find("ancienne-" + database, "secretariat")).isEmpty();
        assertThat(store.find("limite-" + database, "secretariat")).isPresent();
        assertThat(store.find("recente-" + database, "referent")).isPresent();
        assertThat(expiry.forgetExpiredKeys()).isZero();
    }

    @Test
    void a_retention_shorter_than_a_minute_is_refused_at_start() {
        assertThatThrownBy(() -> new IdempotencyExpiry(store, Duration.ofSeconds(59), Duration.ofHours(1),
                Clock.systemUTC())).hasMessageContaining("GASP_IDEMPOTENCY_RETENTION");
    }
}
