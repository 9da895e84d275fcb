package fr.gasp.query.common;

import fr.gasp.platform.security.AccessRule;
import fr.gasp.platform.security.AccessTable;
import org.springframework.stereotype.Component;

import java.util.List;

import static fr.gasp.platform.security.AccessRule.allow;
import static fr.gasp.platform.security.Role.ADMIN;
import static fr.gasp.platform.security.Role.AUDITOR;
import static fr.gasp.platform.security.Role.ELECTED;
import static fr.gasp.platform.security.Role.REFERENT;
import static fr.gasp.platform.security.Role.SECRETARIAT;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

/**
 * Who may read what (domain.md, "Who does what"): proposals and their history, GASPs, groups
 * and meetings are open to every role.
 */
@Component
public class QuerySideAccess implements AccessTable {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                allow(GET, "/api/dashboard", SECRETARIAT, REFERENT, ELECTED, AUDITOR, ADMIN),
                allow(GET, "/api/reports/annual/*.pdf", SECRETARIAT, REFERENT, ELECTED, AUDITOR, ADMIN),
                allow(GET, "/api/reports/annual/*", SECRETARIAT, REFERENT, ELECTED, AUDITOR, ADMIN),
                allow(GET, "/api/proposals", SECRETARIAT, REFERENT, ELECTED, AUDITOR, ADMIN),
                allow(GET, "/api/proposals/*", SECRETARIAT, REFERENT, ELECTED, AUDITOR, ADMIN),
                allow(GET, "/api/proposals/*/history", SECRETARIAT, REFERENT, ELECTED, AUDITOR, ADMIN),
                allow(GET, "/api/gasps", SECRETARIAT, REFERENT, ELECTED, AUDITOR, ADMIN),
                allow(GET, "/api/gasps/*", SECRETARIAT, REFERENT, ELECTED, AUDITOR, ADMIN),
                allow(GET, "/api/groups", SECRETARIAT, REFERENT, ELECTED, AUDITOR, ADMIN),
                allow(GET, "/api/groups/*", SECRETARIAT, REFERENT, ELECTED, AUDITOR, ADMIN),
                allow(GET, "/api/meetings", SECRETARIAT, REFERENT, ELECTED, AUDITOR, ADMIN),
                allow(GET, "/api/meetings/*", SECRETARIAT, REFERENT, ELECTED, AUDITOR, ADMIN),
                allow(GET, "/api/meetings/*/minutes", SECRETARIAT, REFERENT, ELECTED, AUDITOR, ADMIN),
                allow(GET, "/api/audit", AUDITOR, ADMIN),
                allow(GET, "/api/audit.csv", AUDITOR, ADMIN),
                allow(GET, "/api/audit/verify", AUDITOR, ADMIN),
                allow(GET, "/api/audit/fingerprint", AUDITOR, ADMIN),
                allow(GET, "/api/admin/replay", ADMIN),
                allow(POST, "/api/admin/replay", ADMIN));
    }
}
