package fr.gasp.command.meeting;

import fr.gasp.command.common.CommandResult;
import fr.gasp.command.proposal.PresentProposal;
import fr.gasp.events.meeting.MeetingKind;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Meetings as the secretariat records them: held, minuted, and for the joint one, the restitution. */
@RestController
@RequestMapping(path = "/api/meetings", produces = MediaType.APPLICATION_JSON_VALUE)
public class MeetingController {

    static final int MINUTES_MAX = 100_000;
    static final int ATTENDEES_MAX = 500;
    /** Counted heads, named or not: a joint meeting of a large territory stays well below. */
    static final int ATTENDEE_COUNT_MAX = Meeting.ATTENDEE_COUNT_MAX;
    static final int PRESENTED_MAX = 500;

    private final CommandGateway commands;
    private final TransactionTemplate transactions;

    public MeetingController(CommandGateway commands, PlatformTransactionManager transactionManager) {
        this.commands = commands;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public record NewMeeting(@NotNull UUID gaspId, @NotNull MeetingKind kind, UUID groupId, LocalDate occurredOn,
                             @Min(0) @Max(ATTENDEE_COUNT_MAX) Integer attendeeCount,
                             @Size(max = ATTENDEES_MAX) List<@NotNull UUID> attendeeIds) {
    }

    public record Minutes(@NotBlank @Size(max = MINUTES_MAX) String text, LocalDate occurredOn) {
    }

    public record Restitution(@NotEmpty @Size(max = PRESENTED_MAX) List<@NotNull UUID> proposalIds) {
    }

    /** The meeting's answer, with each presented proposal's new version. */
    public record RestitutionResult(UUID id, long version, List<CommandResult> presented) {
    }

    @PostMapping
    public ResponseEntity<CommandResult> hold(@Valid @RequestBody NewMeeting request) {
        UUID id = UUID.randomUUID();
        long version = commands.sendAndWait(new HoldMeeting(id, request.gaspId(), request.kind(), request.groupId(),
                request.occurredOn(), request.attendeeCount(), request.attendeeIds()));
        return ResponseEntity.created(URI.create("/api/meetings/" + id)).body(new CommandResult(id, version));
    }

    @PutMapping("/{id}/minutes")
    public CommandResult recordMinutes(@PathVariable UUID id, @Valid @RequestBody Minutes request) {
        long version = commands.sendAndWait(new RecordMinutes(id, request.text(), request.occurredOn()));
        return new CommandResult(id, version);
    }

    /** All or nothing: one transaction for the meeting's record and every proposal's. */
    @PostMapping("/{id}/restitution")
    public RestitutionResult recordRestitution(@PathVariable UUID id, @Valid @RequestBody Restitution request) {
        return transactions.execute(status -> {
            long version = commands.sendAndWait(new RecordRestitution(id, request.proposalIds()));
            List<CommandResult> presented = new ArrayList<>();
            for (UUID proposalId : request.proposalIds().stream().distinct().toList()) {
                long proposalVersion = commands.sendAndWait(new PresentProposal(proposalId, id));
                presented.add(new CommandResult(proposalId, proposalVersion));
            }
            return new RestitutionResult(id, version, presented);
        });
    }
}
