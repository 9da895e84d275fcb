package fr.gasp.platform.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * How people prove who they are, from the environment: an OpenID Connect provider
 * (GASP_OIDC_ISSUER_URI, with the roles read from GASP_OIDC_ROLES_CLAIM and optionally
 * renamed by GASP_OIDC_ROLE_MAPPING), accounts given explicitly (GASP_USERS), and the demo
 * accounts (GASP_DEMO_USERS, on by default on the embedded database only).
 */
@Component
public class IdentitySettings {

    private final String issuerUri;
    private final String rolesClaim;
    private final Map<String, Role> roleMapping;
    private final String configuredAccounts;
    private final boolean demoAccounts;
    private final boolean embedded;

    public IdentitySettings(@Value("${gasp.oidc.issuer-uri:}") String issuerUri,
                            @Value("${gasp.oidc.roles-claim:roles}") String rolesClaim,
                            @Value("${gasp.oidc.role-mapping:}") String roleMapping,
                            @Value("${gasp.users:}") String configuredAccounts,
                            @Value("${gasp.demo-users:}") String demoUsersSetting,
                            @Value("${spring.datasource.url:}") String datasourceUrl) {
        this.issuerUri = issuerUri.strip();
        this.rolesClaim = rolesClaim.isBlank() ? "roles" : rolesClaim.strip();
        this.roleMapping = RolesFromClaims.parseMapping(roleMapping);
        this.configuredAccounts = configuredAccounts;
        this.embedded = datasourceUrl.isBlank() || datasourceUrl.startsWith("jdbc:h2:");
        this.demoAccounts = demoUsersSetting.isBlank() ? embedded : Boolean.parseBoolean(demoUsersSetting.strip());
    }

    public boolean oidc() {
        return !issuerUri.isEmpty();
    }

    public String issuerUri() {
        return issuerUri;
    }

    public RolesFromClaims roles() {
        return new RolesFromClaims(rolesClaim, roleMapping);
    }

    public String configuredAccounts() {
        return configuredAccounts;
    }

    public boolean demoAccounts() {
        return demoAccounts;
    }

    public boolean embedded() {
        return embedded;
    }
}
