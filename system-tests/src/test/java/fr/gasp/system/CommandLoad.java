package fr.gasp.system;

import fr.gasp.system.CommandClient.Reply;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Clients sending commands without pause until told to stop, each on proposals of its own
 * (it raises a new one now and then, and sends random lifecycle steps to those it raised),
 * one command in three with an {@code Idempotency-Key} retried once after its answer. Every
 * request and its answer, or the lack of one, goes to the ledger.
 */
final class CommandLoad implements AutoCloseable {

    private final CommandClient client;
    private final Organisation gasp;
    private final CommandLedger ledger;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final ExecutorService threads;
    private final List<Future<?>> clients = new ArrayList<>();

    CommandLoad(CommandClient client, Organisation gasp, CommandLedger ledger, int clients, long seed) {
        this.client = client;
        this.gasp = gasp;
        this.ledger = ledger;
        this.threads = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            Random random = new Random(seed * 31 + c);
            int number = c;
            this.clients.add(threads.submit(() -> run(random, number)));
        }
    }

    private Void run(Random random, int number) throws InterruptedException {
        List<String> own = new ArrayList<>();
        int raised = 0;
        while (!stopping.get()) {
            ProposalCommand command = own.isEmpty() || random.nextInt(8) == 0
                    ? ProposalCommand.raise(gasp, "Proposition " + number + "-" + ++raised)
                    : ProposalCommand.random(random, own.get(random.nextInt(own.size())), gasp);
            boolean keyed = random.nextInt(3) == 0;
            String identity = keyed ? UUID.randomUUID().toString() : ledger.newIdentity();
            Reply reply = send(command, identity, keyed ? identity : null);
            if (keyed && !stopping.get()) {
                send(command, identity, identity);
            }
            if (reply != null && reply.acknowledged() && command.proposalId() == null) {
                own.add(reply.id());
            }
            if (reply == null) {
                Thread.sleep(50); // the service is down: no busy loop meanwhile
            }
        }
        return null;
    }

    private Reply send(ProposalCommand command, String identity, String key) throws InterruptedException {
        try {
            Reply reply = client.send(command, key);
            ledger.answered(identity, command, reply);
            return reply;
        } catch (IOException e) {
            ledger.unanswered(identity, command, e);
            return null;
        }
    }

    /** Tells the clients to stop and waits for their last requests. */
    @Override
    public void close() throws Exception {
        stopping.set(true);
        try {
            for (Future<?> each : clients) {
                each.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
