package fr.gasp.command.organisation;

import fr.gasp.command.common.CommandResult;
import fr.gasp.events.organisation.GroupKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Sets up GASPs and their groups. */
@RestController
@RequestMapping("/api")
public class OrganisationController {

    private final CommandGateway commands;

    public OrganisationController(CommandGateway commands) {
        this.commands = commands;
    }

    public record NewGasp(@NotBlank @Size(max = 200) String name,
                          @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 200) String> communes,
                          LocalDate occurredOn) {
    }

    public record NewGroup(@NotNull UUID gaspId, @NotNull GroupKind kind, @NotBlank @Size(max = 200) String name,
                           LocalDate occurredOn) {
    }

    @PostMapping("/gasps")
    public ResponseEntity<CommandResult> createGasp(@Valid @RequestBody NewGasp request) {
        UUID id = UUID.randomUUID();
        long version = commands.sendAndWait(new CreateGasp(id, request.name().strip(),
                request.communes().stream().map(String::strip).toList(), request.occurredOn()));
        return ResponseEntity.created(URI.create("/api/gasps/" + id)).body(new CommandResult(id, version));
    }

    @PostMapping("/groups")
    public ResponseEntity<CommandResult> createGroup(@Valid @RequestBody NewGroup request) {
        UUID id = UUID.randomUUID();
        long version = commands.sendAndWait(new CreateGroup(id, request.gaspId(), request.kind(),
                request.name().strip(), request.occurredOn()));
        return ResponseEntity.created(URI.create("/api/groups/" + id)).body(new CommandResult(id, version));
    }
}
