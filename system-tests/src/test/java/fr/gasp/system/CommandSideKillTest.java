package fr.gasp.system;

import fr.gasp.system.CommandClient.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command side killed ({@code kill -9}) while eight clients send it commands: every
 * command answered 2xx before the kill is in the store, at the version it was told, and the
 * commands cut off are either wholly stored or not at all; a command side started again on
 * the same database accepts commands at once, after the last stored version.
 */
@ExtendWith(BothApps.class)
class CommandSideKillTest {

    private static final int CLIENTS = 8;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 30;

    @Test
    void killed_under_load_it_loses_no_acknowledged_command_and_accepts_commands_again(GaspService service)
            throws Exception {
        long seed = Long.getLong("gasp.reliability.seed", System.nanoTime());
        System.out.println("[command-kill] seed " + seed);
        Organisation gasp = Organisation.create(service, "GASP des coupures");
        CommandClient client = new CommandClient(() -> service.commandSide.baseUrl());
        CommandLedger ledger = new CommandLedger();
        try (CommandLoad load = new CommandLoad(client, gasp, ledger, CLIENTS, seed)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (ledger.acknowledged(new ArrayList<>()).size() < ACKNOWLEDGED_BEFORE_KILL
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            service.killCommandSide();
        }
        try {
            System.out.println("[command-kill] " + ledger.all().size() + " requests; statuses " + ledger.statuses()
                    + "; refusals " + ledger.refusals());
            List<String> faults = new ArrayList<>();
            assertThat(ledger.acknowledged(faults)).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);
            assertThat(faults).isEmpty();
            assertThat(ledger.notAcknowledgedNorConflict()).as("answers neither 2xx nor 409 problem+json").isEmpty();
            assertThat(ledger.storeFaults(service.databaseUrl, List.of())).as("store against the answers").isEmpty();
        } finally {
            // The apps are shared with the other system tests: they get a command side whatever happened.
            service.startCommandSide();
        }
        Reply raised = client.send(ProposalCommand.raise(gasp, "Après la coupure"), null);
        assertThat(raised.status()).as(raised.toString()).isEqualTo(201);
        Reply discussed = client.send(discussion(raised.id(), gasp), null);
        assertThat(discussed.status()).as(discussed.toString()).isEqualTo(200);
        assertThat(discussed.version()).isEqualTo(1);
        GaspService.Answer read = service.read("elected", "/api/proposals/" + raised.id() + "?minVersion=1");
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.body().get("status").asText()).isEqualTo("DISCUSSED");
    }

    private static ProposalCommand discussion(String proposalId, Organisation gasp) {
        return new ProposalCommand(proposalId, "secretariat", "discussions",
                "{\"groupId\":\"" + gasp.usersGroupId() + "\",\"summary\":\"Reprise\"}",
                Set.of("fr.gasp.events.proposal.ProposalDiscussed"));
    }
}
