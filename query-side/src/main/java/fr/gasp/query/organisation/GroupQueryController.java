package fr.gasp.query.organisation;

import fr.gasp.platform.problem.NotFoundException;
import fr.gasp.query.organisation.OrganisationViews.GroupView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** The groups, with who is in them now and who was before (turn-over). */
@RestController
@RequestMapping("/api/groups")
public class GroupQueryController {

    private final GroupQueries groups;

    public GroupQueryController(GroupQueries groups) {
        this.groups = groups;
    }

    @GetMapping
    public List<GroupView> list(@RequestParam(required = false) UUID gaspId) {
        return groups.list(gaspId);
    }

    @GetMapping("/{id}")
    public GroupView get(@PathVariable UUID id) {
        return groups.find(id).orElseThrow(() -> new NotFoundException("Le groupe", id));
    }
}
