package fr.gasp.query.audit;

import fr.gasp.query.testing.QuerySideIntegrationTest;
import fr.gasp.query.testing.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit log and its chain are for auditors and admins only, and for no one who is not identified. */
class AuditAccessTest extends QuerySideIntegrationTest {

    private static final List<String> PATHS = List.of("/api/audit", "/api/audit?type=GaspCreated", "/api/audit.csv",
            "/api/audit/verify", "/api/audit/fingerprint?date=2020-01-01");

    @LocalServerPort
    private int port;

    @Test
    void auditors_and_admins_read_the_audit_other_roles_are_refused_and_anonymous_callers_asked_to_identify() {
        for (String path : PATHS) {
            for (String role : List.of("auditor", "admin")) {
                assertThat(RawHttp.get(port, role, path).status()).as(role + " GET " + path).isEqualTo(200);
            }
            for (String role : List.of("elected", "secretariat", "referent")) {
                RawHttp.Response refused = RawHttp.get(port, role, path);
                assertThat(refused.status()).as(role + " GET " + path).isEqualTo(403);
                assertThat(refused.contentType()).startsWith("application/problem+json");
            }
            RawHttp.Response anonymous = RawHttp.get(port, null, path);
            assertThat(anonymous.status()).as("anonymous GET " + path).isEqualTo(401);
            assertThat(anonymous.contentType()).startsWith("application/problem+json");
        }
    }
}
