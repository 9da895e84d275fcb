package fr.gasp.platform.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The GASP roles of a person signed in through an OpenID Connect provider, read from one
 * claim of the token. The claim is named by a dotted path, since providers nest it
 * ({@code roles}, {@code groups}, Keycloak's {@code realm_access.roles}…). Each value is a
 * role name (any case, with or without {@code ROLE_}), or a provider value mapped to a role
 * by configuration ({@code gasp-elus=ELECTED}). Values that name no role give no authority.
 */
public final class RolesFromClaims {

    private final List<String> claimPath;
    private final Map<String, Role> mapping;

    public RolesFromClaims(String claimPath, Map<String, Role> mapping) {
        this.claimPath = List.of(claimPath.split("\\."));
        this.mapping = Map.copyOf(mapping);
    }

    /** Parses {@code value=ROLE,value=ROLE}, as given in GASP_OIDC_ROLE_MAPPING. */
    public static Map<String, Role> parseMapping(String setting) {
        Map<String, Role> mapping = new LinkedHashMap<>();
        if (setting == null || setting.isBlank()) {
            return mapping;
        }
        for (String pair : setting.split(",")) {
            String[] parts = pair.split("=", 2);
            if (parts.length != 2 || parts[0].isBlank()) {
                throw new IllegalStateException("GASP_OIDC_ROLE_MAPPING : « " + pair.strip()
                        + " » n'est pas de la forme valeur=RÔLE");
            }
            mapping.put(parts[0].strip(), role(parts[1]).orElseThrow(() -> new IllegalStateException(
                    "GASP_OIDC_ROLE_MAPPING : « " + parts[1].strip() + " » n'est pas un rôle (" + List.of(Role.values())
                            + ")")));
        }
        return mapping;
    }

    public Set<GrantedAuthority> authorities(Map<String, Object> claims) {
        Set<GrantedAuthority> authorities = new LinkedHashSet<>();
        for (String value : values(claims)) {
            Optional<Role> role = Optional.ofNullable(mapping.get(value)).or(() -> role(value));
            role.ifPresent(r -> authorities.add(new SimpleGrantedAuthority(r.authority())));
        }
        return authorities;
    }

    private List<String> values(Map<String, Object> claims) {
        Object node = claims;
        for (String step : claimPath) {
            if (!(node instanceof Map<?, ?> map)) {
                return List.of();
            }
            node = map.get(step);
        }
        if (node instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).toList();
        }
        if (node instanceof String text) {
            // Some providers give a space- or comma-separated string.
            return List.of(text.split("[\\s,]+"));
        }
        return List.of();
    }

    private static Optional<Role> role(String value) {
        String name = value.strip().toUpperCase(Locale.ROOT);
        String bare = name.startsWith("ROLE_") ? name.substring("ROLE_".length()) : name;
        for (Role role : Role.values()) {
            if (role.name().equals(bare)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
