package fr.gasp.query.replay;

import fr.gasp.platform.problem.ConflictException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Rebuilding the read models from the events, for administrators. */
@RestController
@RequestMapping("/api/admin/replay")
public class ReplayController {

    private final ReadModelRebuild rebuild;

    public ReplayController(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping
    /** Rebuilds every read model from the stored events; the old ones serve until it is done. */
    public ResponseEntity<ReplayProgress> start() {
        if (!rebuild.start()) {
            throw new ConflictException("Une reconstruction des modèles de lecture est déjà en cours ("
                    + Math.round(rebuild.progress().percent()) + " %) : attendez qu'elle se termine.");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuild.progress());
    }

    @GetMapping
    /** Progress of the last rebuild: processed, total, percent, events per second, done. */
    public ReplayProgress progress() {
        return rebuild.progress();
    }
}
