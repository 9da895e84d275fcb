package fr.gasp.platform.security;

import org.springframework.http.HttpMethod;

import java.util.EnumSet;
import java.util.Set;

/** Who may call one endpoint: a method, an Ant-style path pattern and the roles allowed. */
public record AccessRule(HttpMethod method, String pathPattern, Set<Role> roles) {

    public static AccessRule allow(HttpMethod method, String pathPattern, Role first, Role... others) {
        return new AccessRule(method, pathPattern, EnumSet.of(first, others));
    }

    String[] authorities() {
        return roles.stream().map(Role::authority).toArray(String[]::new);
    }
}
