package fr.gasp.query.report;

import fr.gasp.platform.problem.InvalidInputException;
import fr.gasp.platform.problem.NotFoundException;
import fr.gasp.query.organisation.GaspQueries;
import fr.gasp.query.organisation.OrganisationViews.GaspView;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/** Which GASP a dashboard or report is about: the one named, or the only one a deployment has. */
@Component
public class GaspChoice {

    private final GaspQueries gasps;

    public GaspChoice(GaspQueries gasps) {
        this.gasps = gasps;
    }

    public GaspView of(UUID gaspId) {
        if (gaspId != null) {
            return gasps.find(gaspId).orElseThrow(() -> new NotFoundException("Le GASP", gaspId));
        }
        List<GaspView> all = gasps.list();
        if (all.size() == 1) {
            return all.get(0);
        }
        if (all.isEmpty()) {
            throw new NotFoundException("Aucun GASP n'est encore enregistré.");
        }
        throw new InvalidInputException("gaspId", "ce déploiement compte " + all.size() + " GASP : préciser lequel");
    }

    public List<GaspView> all() {
        return gasps.list();
    }
}
