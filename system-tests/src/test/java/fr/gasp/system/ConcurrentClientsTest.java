package fr.gasp.system;

import fr.gasp.system.CommandClient.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fifty clients acting at once on the same few proposals, each sending lifecycle commands at
 * random, a third of them with an {@code Idempotency-Key} and retried (at once, or after the
 * answer, as a client that lost it would). Every acknowledged command is in the store exactly
 * once, at the version it was told; every refusal is a 409 problem+json (a concurrent
 * modification, or a step the proposal's status forbids); nothing is a 5xx; and the read
 * models equal their rebuild from the store.
 *
 * <p>{@code -Dgasp.reliability.seed=N} replays a draw (the interleaving is the machine's).
 */
@ExtendWith(BothApps.class)
class ConcurrentClientsTest {

    private static final int CLIENTS = 50;
    private static final int COMMANDS_PER_CLIENT = 6;
    private static final int PROPOSALS = 5;

    /** The second of two requests sent at once with one key (not the common pool: one thread on two cores). */
    private final ExecutorService twins = Executors.newCachedThreadPool();

    @Test
    void fifty_clients_on_five_proposals_each_acknowledged_command_stored_once_refusals_409(GaspService service)
            throws Exception {
        long seed = Long.getLong("gasp.reliability.seed", System.nanoTime());
        System.out.println("[concurrent] seed " + seed + " (replay the draw with -Dgasp.reliability.seed=" + seed + ")");
        Organisation gasp = Organisation.create(service, "GASP des accès concurrents");
        CommandClient client = new CommandClient(() -> service.commandSide.baseUrl());
        List<String> proposals = new ArrayList<>();
        for (int i = 0; i < PROPOSALS; i++) {
            Reply raised = client.send(ProposalCommand.raise(gasp, "Proposition disputée " + i), null);
            assertThat(raised.status()).as(raised.toString()).isEqualTo(201);
            proposals.add(raised.id());
        }

        CommandLedger ledger = new CommandLedger();
        long started = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                Random random = new Random(seed * 31 + c);
                done.add(clients.submit(() -> {
                    for (int i = 0; i < COMMANDS_PER_CLIENT; i++) {
                        act(client, ledger, random,
                                ProposalCommand.random(random, proposals.get(random.nextInt(PROPOSALS)), gasp));
                    }
                    return null;
                }));
            }
            for (Future<?> each : done) {
                each.get();
            }
        } finally {
            clients.shutdownNow();
            twins.shutdownNow();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("[concurrent] " + ledger.all().size() + " requests by " + CLIENTS + " clients in "
                + millis + " ms; statuses " + ledger.statuses() + "; refusals " + ledger.refusals());

        assertThat(ledger.unanswered()).as("requests without an answer").isEmpty();
        assertThat(ledger.notAcknowledgedNorConflict()).as("answers neither 2xx nor 409 problem+json").isEmpty();
        assertThat(ledger.storeFaults(service.databaseUrl, proposals)).as("store against the answers").isEmpty();
        assertThat(ledger.statuses()).containsKeys(200, 409);
        assertThat(ledger.refusals()).containsKey("409 Modification concurrente");

        Replay.assertReadModelsEqualARebuild(service);
    }

    /**
     * One command: without a key (a third), with a key retried after its answer (a third), or
     * with a key sent twice at once (a third). A retry after a 2xx must be that very answer.
     */
    private void act(CommandClient client, CommandLedger ledger, Random random, ProposalCommand command)
            throws Exception {
        int way = random.nextInt(3);
        if (way == 0) {
            send(client, ledger, command, ledger.newIdentity(), null);
            return;
        }
        String key = UUID.randomUUID().toString();
        if (way == 1) {
            Reply first = send(client, ledger, command, key, key);
            Reply retry = send(client, ledger, command, key, key);
            if (first != null && first.acknowledged()) {
                assertThat(retry).isNotNull();
                assertThat(retry.replayed()).as("retry of " + first + ": " + retry).isTrue();
                assertThat(retry.status()).isEqualTo(first.status());
                assertThat(retry.body()).isEqualTo(first.body());
            }
            return;
        }
        CompletableFuture<Reply> twin = CompletableFuture.supplyAsync(() -> {
            try {
                return send(client, ledger, command, key, key);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, twins);
        send(client, ledger, command, key, key);
        twin.get();
    }

    private static Reply send(CommandClient client, CommandLedger ledger, ProposalCommand command, String identity,
                              String key) throws InterruptedException {
        try {
            Reply reply = client.send(command, key);
            ledger.answered(identity, command, reply);
            return reply;
        } catch (java.io.IOException e) {
            ledger.unanswered(identity, command, e);
            return null;
        }
    }
}
