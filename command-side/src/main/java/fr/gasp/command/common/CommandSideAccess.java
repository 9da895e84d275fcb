package fr.gasp.command.common;

import fr.gasp.platform.security.AccessRule;
import fr.gasp.platform.security.AccessTable;
import org.springframework.stereotype.Component;

import java.util.List;

import static fr.gasp.platform.security.AccessRule.allow;
import static fr.gasp.platform.security.Role.ADMIN;
import static fr.gasp.platform.security.Role.REFERENT;
import static fr.gasp.platform.security.Role.SECRETARIAT;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/** Who may send which command (domain.md, "Who does what"). */
@Component
public class CommandSideAccess implements AccessTable {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                allow(POST, "/api/gasps", SECRETARIAT, ADMIN),
                allow(PUT, "/api/gasps/*/cadence", SECRETARIAT, ADMIN),
                allow(POST, "/api/groups", SECRETARIAT, ADMIN),
                allow(POST, "/api/groups/*/members", SECRETARIAT, ADMIN),
                allow(DELETE, "/api/groups/*/members/*", SECRETARIAT, ADMIN),
                allow(DELETE, "/api/members/*/personal-data", ADMIN),
                allow(POST, "/api/meetings", SECRETARIAT, ADMIN),
                allow(PUT, "/api/meetings/*/minutes", SECRETARIAT, ADMIN),
                allow(POST, "/api/meetings/*/restitution", SECRETARIAT, ADMIN),
                allow(POST, "/api/proposals", SECRETARIAT, ADMIN),
                allow(POST, "/api/proposals/*/decision", REFERENT, ADMIN),
                allow(POST, "/api/proposals/*/discussions", SECRETARIAT, ADMIN),
                allow(POST, "/api/proposals/*/amendments", SECRETARIAT, ADMIN),
                allow(POST, "/api/proposals/*/submission", SECRETARIAT, ADMIN),
                allow(POST, "/api/proposals/*/implementation", SECRETARIAT, ADMIN),
                allow(POST, "/api/proposals/*/implementation/progress", SECRETARIAT, ADMIN),
                allow(POST, "/api/proposals/*/implementation/completion", SECRETARIAT, ADMIN),
                allow(POST, "/api/proposals/*/withdrawal", SECRETARIAT, ADMIN));
    }
}
