package fr.gasp.benchmarks.floor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gasp.benchmarks.EventShapedTable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A command's least work: the JSON body read into a record, an event written as JSON, one row
 * inserted and committed in a transaction of its own (as the command side's, docs/adr/0006),
 * the new identifier answered as JSON.
 */
@RestController
class FloorCommands {

    private static final String INSERT = EventShapedTable.insert(CommitOverHttp.TABLE);

    record RaiseProposal(UUID raisedByGroupId, String title, String description, List<String> themes) {
    }

    record ProposalRaised(UUID proposalId, UUID raisedByGroupId, String title, String description,
                          List<String> themes, LocalDate raisedOn) {
    }

    record Raised(UUID id, long version) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    FloorCommands(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @PostMapping("/floor/proposals")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    public Raised raise(@RequestBody RaiseProposal command) throws JsonProcessingException {
        UUID id = UUID.randomUUID();
        byte[] payload = json.writeValueAsBytes(new ProposalRaised(id, command.raisedByGroupId(), command.title(),
                command.description(), command.themes(), LocalDate.now()));
        byte[] metaData = json.writeValueAsBytes(Map.of("actor", "secretariat", "role", "SECRETARIAT",
                "traceId", id.toString()));
        jdbc.update(INSERT, UUID.randomUUID().toString(), id.toString(), Instant.now().toString(),
                "fr.gasp.events.proposal.ProposalRaised", payload, metaData);
        return new Raised(id, 0);
    }

    /** Answers once the web server and the database both do: the benchmark waits for it before the load. */
    @GetMapping("/floor/health")
    public Map<String, String> health() {
        jdbc.queryForObject("SELECT 1", Integer.class);
        return Map.of("status", "UP");
    }
}
