package fr.gasp.command.proposal;

import fr.gasp.command.common.CommandResult;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The steps of a proposal's life, each translated into one command. */
@RestController
@RequestMapping(path = "/api/proposals", produces = MediaType.APPLICATION_JSON_VALUE)
public class ProposalController {

    static final int TITLE_MAX = 200;
    static final int TEXT_MAX = 10_000;
    static final int THEME_MAX = 100;
    static final int THEMES_MAX = 20;

    private final CommandGateway commands;

    public ProposalController(CommandGateway commands) {
        this.commands = commands;
    }

    public record Raise(@NotNull UUID raisedByGroupId, UUID meetingId,
                        @NotBlank @Size(max = TITLE_MAX) String title,
                        @NotBlank @Size(max = TEXT_MAX) String description,
                        @NotEmpty @Size(max = THEMES_MAX) List<@NotBlank @Size(max = THEME_MAX) String> themes,
                        LocalDate occurredOn) {
    }

    public record Discussion(@NotNull UUID groupId, UUID meetingId, @NotBlank @Size(max = TEXT_MAX) String summary,
                             LocalDate occurredOn) {
    }

    public record Amendment(@Size(max = TITLE_MAX) String title, @Size(max = TEXT_MAX) String description,
                            @Size(max = THEMES_MAX) List<@NotBlank @Size(max = THEME_MAX) String> themes,
                            LocalDate occurredOn) {
    }

    public record Submission(UUID meetingId, @Size(max = TEXT_MAX) String note, LocalDate occurredOn) {
    }

    public record Decision(@NotNull DecisionOutcome outcome, @Size(max = TEXT_MAX) String rationale, UUID meetingId,
                           LocalDate occurredOn) {
    }

    public record ImplementationStart(@NotBlank @Size(max = TITLE_MAX) String owner, LocalDate targetDate,
                                      LocalDate occurredOn) {
    }

    public record Progress(@NotNull @Min(0) @Max(100) Integer percent, @Size(max = TEXT_MAX) String note,
                           LocalDate occurredOn) {
    }

    public record Completion(@NotBlank @Size(max = TEXT_MAX) String outcome, LocalDate occurredOn) {
    }

    public record Withdrawal(@NotBlank @Size(max = TEXT_MAX) String reason, LocalDate occurredOn) {
    }

    @PostMapping
    public ResponseEntity<CommandResult> raise(@Valid @RequestBody Raise request) {
        UUID id = UUID.randomUUID();
        long version = commands.sendAndWait(new RaiseProposal(id, request.raisedByGroupId(), request.meetingId(),
                request.title(), request.description(), request.themes(), request.occurredOn()));
        return ResponseEntity.created(URI.create("/api/proposals/" + id)).body(new CommandResult(id, version));
    }

    @PostMapping("/{id}/discussions")
    public CommandResult discuss(@PathVariable UUID id, @Valid @RequestBody Discussion request) {
        return send(id, new DiscussProposal(id, request.groupId(), request.meetingId(), request.summary(),
                request.occurredOn()));
    }

    @PostMapping("/{id}/amendments")
    public CommandResult amend(@PathVariable UUID id, @Valid @RequestBody Amendment request) {
        return send(id, new AmendProposal(id, request.title(), request.description(), request.themes(),
                request.occurredOn()));
    }

    @PostMapping("/{id}/submission")
    public CommandResult submit(@PathVariable UUID id, @Valid @RequestBody Submission request) {
        return send(id, new SubmitProposal(id, request.meetingId(), request.note(), request.occurredOn()));
    }

    @PostMapping("/{id}/decision")
    public CommandResult decide(@PathVariable UUID id, @Valid @RequestBody Decision request) {
        return send(id, new DecideOnProposal(id, request.outcome(), request.rationale(), request.meetingId(),
                request.occurredOn()));
    }

    @PostMapping("/{id}/implementation")
    public CommandResult startImplementation(@PathVariable UUID id, @Valid @RequestBody ImplementationStart request) {
        return send(id, new StartImplementation(id, request.owner(), request.targetDate(), request.occurredOn()));
    }

    @PostMapping("/{id}/implementation/progress")
    public CommandResult reportProgress(@PathVariable UUID id, @Valid @RequestBody Progress request) {
        return send(id, new ReportProgress(id, request.percent(), request.note(), request.occurredOn()));
    }

    @PostMapping("/{id}/implementation/completion")
    public CommandResult complete(@PathVariable UUID id, @Valid @RequestBody Completion request) {
        return send(id, new CompleteImplementation(id, request.outcome(), request.occurredOn()));
    }

    @PostMapping("/{id}/withdrawal")
    public CommandResult withdraw(@PathVariable UUID id, @Valid @RequestBody Withdrawal request) {
        return send(id, new WithdrawProposal(id, request.reason(), request.occurredOn()));
    }

    private CommandResult send(UUID id, Object command) {
        long version = commands.sendAndWait(command);
        return new CommandResult(id, version);
    }
}
