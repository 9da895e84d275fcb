package fr.gasp.query.web;

import fr.gasp.platform.problem.NotFoundException;
import fr.gasp.query.organisation.OrganisationViews.GaspView;
import fr.gasp.query.report.GaspChoice;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Which GASP a page is about: the one asked for, else the first by name (a deployment usually
 * has one; the pages offer a choice when it has several), and the years one may pick for it.
 */
@Component
public class GaspPicker {

    private final GaspChoice gasps;
    private final Clock clock;

    public GaspPicker(GaspChoice gasps, Clock clock) {
        this.gasps = gasps;
        this.clock = clock;
    }

    public Picked pick(UUID gaspId) {
        List<GaspView> all = gasps.all();
        GaspView gasp = gaspId != null ? gasps.of(gaspId) : all.isEmpty() ? null : all.get(0);
        return new Picked(all, gasp, gasp == null ? List.of() : years(gasp), today());
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** From the GASP's creation to this year, the latest first. */
    private List<Integer> years(GaspView gasp) {
        List<Integer> years = new ArrayList<>();
        int first = Math.min(gasp.createdOn().getYear(), today().getYear());
        for (int year = today().getYear(); year >= first; year--) {
            years.add(year);
        }
        return years;
    }

    /** {@code gasp} is {@code null} when no GASP is recorded yet. */
    public record Picked(List<GaspView> all, GaspView gasp, List<Integer> years, LocalDate today) {

        public boolean several() {
            return all.size() > 1;
        }

        public UUID gaspId() {
            return gasp == null ? null : gasp.id();
        }

        /** The GASP, where a page cannot do without one. */
        public GaspView required() {
            if (gasp == null) {
                throw new NotFoundException("Aucun GASP n'est encore enregistré.");
            }
            return gasp;
        }
    }
}
