package fr.gasp.query.web;

import fr.gasp.platform.security.IdentitySettings;
import fr.gasp.platform.security.RolesFromClaims;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import java.util.function.Supplier;

/**
 * Signing in to the pages with the OpenID Connect provider (authorization code flow), when
 * the query side has a client there (GASP_OIDC_CLIENT_ID and _SECRET). The provider is
 * asked for its addresses on the first sign-in, not at start-up; the roles come from the ID
 * token's claim, read as on the API.
 */
@Configuration
public class OidcLogin {

    static final String REGISTRATION_ID = "oidc";

    public record OidcLoginSettings(boolean enabled) {
    }

    @Bean
    OidcLoginSettings oidcLoginSettings(IdentitySettings identity,
                                        @Value("${gasp.oidc.client-id:}") String clientId) {
        return new OidcLoginSettings(identity.oidc() && !clientId.isBlank());
    }

    @Bean
    ClientRegistrationRepository clientRegistrations(IdentitySettings identity,
                                                     @Value("${gasp.oidc.client-id:}") String clientId,
                                                     @Value("${gasp.oidc.client-secret:}") String clientSecret) {
        Supplier<ClientRegistration> registration = memoized(() -> ClientRegistrations
                .fromIssuerLocation(identity.issuerUri())
                .registrationId(REGISTRATION_ID)
                .clientId(clientId)
                .clientSecret(clientSecret)
                .scope("openid", "profile")
                .build());
        return registrationId -> identity.oidc() && !clientId.isBlank() && REGISTRATION_ID.equals(registrationId)
                ? registration.get() : null;
    }

    @Bean
    OAuth2UserService<OidcUserRequest, OidcUser> oidcUsers(IdentitySettings identity) {
        OidcUserService standard = new OidcUserService();
        RolesFromClaims roles = identity.roles();
        return request -> {
            OidcUser user = standard.loadUser(request);
            return new DefaultOidcUser(roles.authorities(user.getClaims()), user.getIdToken(), user.getUserInfo());
        };
    }

    private static <T> Supplier<T> memoized(Supplier<T> supplier) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                if (value == null) {
                    synchronized (this) {
                        if (value == null) {
                            value = supplier.get();
                        }
                    }
                }
                return value;
            }
        };
    }
}
