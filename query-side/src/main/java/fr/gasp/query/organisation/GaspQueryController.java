package fr.gasp.query.organisation;

import fr.gasp.platform.problem.NotFoundException;
import fr.gasp.query.organisation.OrganisationViews.GaspView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** The GASPs this deployment hosts: territory, expected cadence and groups. */
@RestController
@RequestMapping("/api/gasps")
public class GaspQueryController {

    private final GaspQueries gasps;

    public GaspQueryController(GaspQueries gasps) {
        this.gasps = gasps;
    }

    @GetMapping
    public List<GaspView> list() {
        return gasps.list();
    }

    @GetMapping("/{id}")
    public GaspView get(@PathVariable UUID id) {
        return gasps.find(id).orElseThrow(() -> new NotFoundException("Le GASP", id));
    }
}
