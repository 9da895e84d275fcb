package fr.gasp.system;

import com.fasterxml.jackson.databind.JsonNode;
import fr.gasp.command.common.CommandSideAccess;
import fr.gasp.platform.security.AccessRule;
import fr.gasp.platform.security.AccessTable;
import fr.gasp.platform.security.Role;
import fr.gasp.query.common.QuerySideAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.util.AntPathMatcher;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint each app publishes (its OpenAPI description), called by every role and
 * anonymously, answers as the app's one access table says: 401 without identity, 403 for a
 * role the table does not name, and neither for a role it names. An {@code /api} endpoint
 * missing from the table fails the test.
 */
@ExtendWith(BothApps.class)
class RoleAccessTest {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    @Test
    void the_command_side_answers_every_role_as_its_access_table_says(GaspService service) throws Exception {
        walk(service, service.commandSide.baseUrl(), new CommandSideAccess());
    }

    @Test
    void the_query_side_answers_every_role_as_its_access_table_says(GaspService service) throws Exception {
        walk(service, service.querySide.baseUrl(), new QuerySideAccess());
    }

    private static void walk(GaspService service, String baseUrl, AccessTable table) throws Exception {
        List<String> mismatches = new ArrayList<>();
        List<Endpoint> endpoints = endpoints(service, baseUrl);
        Set<AccessRule> used = new HashSet<>();
        for (Endpoint endpoint : endpoints) {
            String path = concrete(endpoint.path());
            Optional<AccessRule> rule = table.rules().stream()
                    .filter(r -> r.method().name().equals(endpoint.method()) && PATHS.match(r.pathPattern(), path))
                    .findFirst();
            if (rule.isEmpty()) {
                mismatches.add(endpoint + " is published but has no rule in " + table.getClass().getSimpleName());
                continue;
            }
            used.add(rule.get());
            check(mismatches, endpoint, "anonymous", call(service, baseUrl, endpoint, path, null), 401);
            for (Role role : Role.values()) {
                int status = call(service, baseUrl, endpoint, path, role.name().toLowerCase(Locale.ROOT));
                if (rule.get().roles().contains(role)) {
                    if (status == 401 || status == 403 || status >= 500) {
                        mismatches.add(endpoint + " as " + role + ": allowed by the table, answered " + status);
                    }
                } else {
                    check(mismatches, endpoint, role.name(), status, 403);
                }
            }
        }
        assertThat(mismatches).isEmpty();
        // And the other way round: no rule of the table names an endpoint that does not exist.
        assertThat(table.rules()).allMatch(used::contains, "every rule matches a published endpoint");
    }

    private static void check(List<String> mismatches, Endpoint endpoint, String who, int status, int expected) {
        if (status != expected) {
            mismatches.add(endpoint + " as " + who + ": expected " + expected + ", answered " + status);
        }
    }

    private static int call(GaspService service, String baseUrl, Endpoint endpoint, String path, String user)
            throws Exception {
        boolean withBody = endpoint.method().equals("POST") || endpoint.method().equals("PUT");
        return service.sendRaw(user, baseUrl, endpoint.method(), path, withBody ? "{}" : null).statusCode();
    }

    /** The {@code /api} operations an app describes at {@code /v3/api-docs}. */
    private static List<Endpoint> endpoints(GaspService service, String baseUrl) throws Exception {
        JsonNode paths = service.send(null, baseUrl, "GET", "/v3/api-docs", null, null).body().get("paths");
        List<Endpoint> endpoints = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            path.getValue().fieldNames().forEachRemaining(method ->
                    endpoints.add(new Endpoint(method.toUpperCase(Locale.ROOT), path.getKey())));
        }
        return endpoints;
    }

    /** A real-looking path: ids become fresh UUIDs, a year becomes 2001. */
    private static String concrete(String template) {
        return template.replace("{year}", "2001").replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    private record Endpoint(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }
}
