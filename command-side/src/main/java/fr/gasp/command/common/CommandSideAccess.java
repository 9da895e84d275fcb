package fr.gasp.command.common;

import fr.gasp.platform.security.AccessRule;
import fr.gasp.platform.security.AccessTable;
import org.springframework.stereotype.Component;

import java.util.List;

import static fr.gasp.platform.security.AccessRule.allow;
import static fr.gasp.platform.security.Role.ADMIN;
import static fr.gasp.platform.security.Role.REFERENT;
import static fr.gasp.platform.security.Role.SECRETARIAT;
import static org.springframework.http.HttpMethod.POST;

/** Who may send which command (domain.md, "Who does what"). */
@Component
public class CommandSideAccess implements AccessTable {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                allow(POST, "/api/gasps", SECRETARIAT, ADMIN),
                allow(POST, "/api/groups", SECRETARIAT, ADMIN),
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
