package fr.gasp.command.organisation;

import fr.gasp.command.common.CommandResult;
import fr.gasp.events.organisation.GroupKind;
import fr.gasp.events.organisation.Cadence;
import fr.gasp.platform.problem.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Sets up GASPs, their groups and the groups' members. */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
public class OrganisationController {

    private final CommandGateway commands;
    private final MemberRegistry members;
    private final TransactionTemplate transactions;

    public OrganisationController(CommandGateway commands, MemberRegistry members,
                                  PlatformTransactionManager transactionManager) {
        this.commands = commands;
        this.members = members;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public record NewGasp(@NotBlank @Size(max = 200) String name,
                          @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 200) String> communes,
                          @Valid CadenceBody cadence, LocalDate occurredOn) {
    }

    /** Meetings expected a year; left out, the article's cadence: 12, 4, 2 and 1. */
    public record CadenceBody(@NotNull @Min(0) @Max(Gasp.MAX_MEETINGS_A_YEAR) Integer agentsMeetings,
                              @NotNull @Min(0) @Max(Gasp.MAX_MEETINGS_A_YEAR) Integer usersMeetings,
                              @NotNull @Min(0) @Max(Gasp.MAX_MEETINGS_A_YEAR) Integer referentsSessions,
                              @NotNull @Min(0) @Max(Gasp.MAX_MEETINGS_A_YEAR) Integer jointMeetings,
                              LocalDate occurredOn) {

        Cadence toCadence() {
            return new Cadence(agentsMeetings, usersMeetings, referentsSessions, jointMeetings);
        }
    }

    public record NewMember(@NotBlank @Size(max = 200) String displayName, @Size(max = 200) String institution,
                            @Size(max = 100) String role, LocalDate occurredOn) {
    }

    public record NewGroup(@NotNull UUID gaspId, @NotNull GroupKind kind, @NotBlank @Size(max = 200) String name,
                           LocalDate occurredOn) {
    }

    @PostMapping("/gasps")
    public ResponseEntity<CommandResult> createGasp(@Valid @RequestBody NewGasp request) {
        UUID id = UUID.randomUUID();
        long version = transactions.execute(status -> {
            long created = commands.sendAndWait(new CreateGasp(id, request.name().strip(),
                    request.communes().stream().map(String::strip).toList(), request.occurredOn()));
            return request.cadence() == null ? created : commands.<Long>sendAndWait(
                    new SetCadence(id, request.cadence().toCadence(), request.occurredOn()));
        });
        return ResponseEntity.created(URI.create("/api/gasps/" + id)).body(new CommandResult(id, version));
    }

    @PutMapping("/gasps/{id}/cadence")
    public CommandResult setCadence(@PathVariable UUID id, @Valid @RequestBody CadenceBody request) {
        long version = commands.sendAndWait(new SetCadence(id, request.toCadence(), request.occurredOn()));
        return new CommandResult(id, version);
    }

    @PostMapping("/groups")
    public ResponseEntity<CommandResult> createGroup(@Valid @RequestBody NewGroup request) {
        UUID id = UUID.randomUUID();
        long version = commands.sendAndWait(new CreateGroup(id, request.gaspId(), request.kind(),
                request.name().strip(), request.occurredOn()));
        return ResponseEntity.created(URI.create("/api/groups/" + id)).body(new CommandResult(id, version));
    }

    /** Answers the new member's id, with the group's version. */
    @PostMapping("/groups/{id}/members")
    public ResponseEntity<CommandResult> addMember(@PathVariable UUID id, @Valid @RequestBody NewMember request) {
        UUID memberId = UUID.randomUUID();
        long version = commands.sendAndWait(new AddMember(id, memberId, request.displayName(), request.institution(),
                request.role(), request.occurredOn()));
        return ResponseEntity.created(URI.create("/api/groups/" + id + "/members/" + memberId))
                .body(new CommandResult(memberId, version));
    }

    @DeleteMapping("/groups/{id}/members/{memberId}")
    public CommandResult removeMember(@PathVariable UUID id, @PathVariable UUID memberId,
                                      @RequestParam(required = false) LocalDate occurredOn) {
        long version = commands.sendAndWait(new RemoveMember(id, memberId, occurredOn));
        return new CommandResult(id, version);
    }

    /** RGPD erasure: answers the member's id with the version of the group it joined. */
    @DeleteMapping("/members/{memberId}/personal-data")
    public CommandResult erasePersonalData(@PathVariable UUID memberId) {
        UUID groupId = members.groupOf(memberId).orElseThrow(() -> new NotFoundException("Le membre", memberId));
        long version = commands.sendAndWait(new EraseMemberPersonalData(groupId, memberId));
        return new CommandResult(memberId, version);
    }
}
