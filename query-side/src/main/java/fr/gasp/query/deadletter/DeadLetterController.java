package fr.gasp.query.deadletter;

import fr.gasp.query.deadletter.DeadLetterViews.Listing;
import fr.gasp.query.deadletter.DeadLetterViews.RetryReport;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operations (ADMIN): the events the read models parked, and handling them again once their cause is fixed. */
@RestController
public class DeadLetterController {

    private final DeadLetters deadLetters;

    public DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping("/api/admin/dead-letters")
    public Listing list(@RequestParam(defaultValue = "100") @Min(value = 1, message = "1 au moins")
                        @Max(value = 1000, message = "1000 au plus") int limit) {
        return deadLetters.list(limit);
    }

    /** Every parked aggregate, from its first parked event; those that fail again stay parked. */
    @PostMapping("/api/admin/dead-letters/retry")
    public RetryReport retryAll() {
        return deadLetters.retryAll();
    }

    /** The events parked for one aggregate (its id is the sequence identifier). */
    @PostMapping("/api/admin/dead-letters/{sequenceIdentifier}/retry")
    public RetryReport retry(@PathVariable @Pattern(
            regexp = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
            message = "identifiant de séquence attendu : l'identifiant (UUID) d'un agrégat") String sequenceIdentifier) {
        return deadLetters.retry(sequenceIdentifier);
    }
}
