package fr.gasp.query.web.proposal;

import fr.gasp.events.proposal.ProposalStatus;
import fr.gasp.platform.problem.NotFoundException;
import fr.gasp.query.organisation.OrganisationViews.GroupSummary;
import fr.gasp.query.proposal.ProposalDetails;
import fr.gasp.query.proposal.ProposalQueries;
import fr.gasp.query.proposal.ProposalThemes;
import fr.gasp.query.proposal.ProposalViews.Detail;
import fr.gasp.query.proposal.ProposalViews.Filter;
import fr.gasp.query.proposal.ProposalViews.Page;
import fr.gasp.query.web.French;
import fr.gasp.query.web.GaspPicker;
import fr.gasp.query.web.GaspPicker.Picked;
import fr.gasp.query.web.PageController;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;
import java.util.UUID;

/** The proposals of a GASP, filtered and paged, and each proposal with its timeline. */
@PageController
public class ProposalPages {

    static final int PAGE_SIZE = 20;

    private final GaspPicker picker;
    private final ProposalQueries proposals;
    private final ProposalDetails details;
    private final ProposalThemes themes;
    private final French french;

    public ProposalPages(GaspPicker picker, ProposalQueries proposals, ProposalDetails details, ProposalThemes themes,
                         French french) {
        this.picker = picker;
        this.proposals = proposals;
        this.details = details;
        this.themes = themes;
        this.french = french;
    }

    /** {@code page} counts from 1, as people do. */
    @GetMapping("/proposals")
    public String list(@RequestParam(required = false) UUID gaspId,
                       @RequestParam(required = false) ProposalStatus status,
                       @RequestParam(required = false) UUID groupId,
                       @RequestParam(required = false) @Size(max = 100) String theme,
                       @RequestParam(required = false) @Min(1900) @Max(2999) Integer year,
                       @RequestParam(defaultValue = "1") @Min(1) @Max(1_000_000) int page, Model model) {
        Picked picked = picker.pick(gaspId);
        String chosenTheme = theme == null || theme.isBlank() ? null : theme;
        model.addAttribute("nav", "propositions");
        model.addAttribute("picked", picked);
        model.addAttribute("gaspId", picked.gaspId());
        model.addAttribute("status", status);
        model.addAttribute("groupId", groupId);
        model.addAttribute("theme", chosenTheme);
        model.addAttribute("year", year);
        if (picked.gasp() == null) {
            return "proposals/list";
        }
        List<GroupSummary> groups = picked.gasp().groups().stream().filter(g -> g.kind().raisesProposals()).toList();
        Page results = proposals.list(new Filter(picked.gaspId(), status, groupId, chosenTheme, year),
                page - 1, PAGE_SIZE);
        int pages = (int) Math.max(1, (results.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/proposals")
                .queryParam("gaspId", picked.gaspId());
        if (status != null) {
            link.queryParam("status", status);
        }
        if (groupId != null) {
            link.queryParam("groupId", groupId);
        }
        if (chosenTheme != null) {
            link.queryParam("theme", chosenTheme);
        }
        if (year != null) {
            link.queryParam("year", year);
        }
        model.addAttribute("groups", groups);
        model.addAttribute("themes", themes.of(picked.gaspId()));
        model.addAttribute("results", results);
        model.addAttribute("page", page);
        model.addAttribute("pages", pages);
        model.addAttribute("previous", page > 1 ? pageLink(link, page - 1) : null);
        model.addAttribute("next", page < pages ? pageLink(link, page + 1) : null);
        return "proposals/list";
    }

    @GetMapping("/proposals/{id}")
    public String proposal(@PathVariable UUID id, Model model) {
        Detail proposal = details.of(id).orElseThrow(() -> new NotFoundException("La proposition", id));
        model.addAttribute("nav", "propositions");
        model.addAttribute("gaspId", proposal.gaspId());
        model.addAttribute("proposal", proposal);
        model.addAttribute("timeline", Timeline.of(proposal, proposals.history(id), french));
        return "proposals/detail";
    }

    /** Encoded once, here: the template writes it as it is. */
    private static String pageLink(UriComponentsBuilder link, int page) {
        return link.cloneBuilder().replaceQueryParam("page", page).encode().build().toUriString();
    }
}
