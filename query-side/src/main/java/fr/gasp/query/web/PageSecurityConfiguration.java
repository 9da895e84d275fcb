package fr.gasp.query.web;

import fr.gasp.platform.security.Role;
import fr.gasp.platform.security.SecurityConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;

import java.util.Arrays;

/**
 * The pages: a login form of our own (and the identity provider, when configured) and a session, CSRF on, HTTP Basic accepted as well (for
 * tools that fetch a report). Every path the API chain does not take comes here; any role may
 * read the pages, as any role may read the API; the stylesheets, scripts and images are open
 * so that the login page looks right.
 */
@Configuration
public class PageSecurityConfiguration {

    static final String[] STATIC_ASSETS = {"/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.ico"};

    /**
     * Only our own scripts and styles run. Style attributes stay allowed: the report's charts
     * are SVG drawn on the server, which colours its shapes with them.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "style-src-attr 'unsafe-inline'; img-src 'self' data:; font-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean(SecurityConfiguration.PAGE_CHAIN)
    @Order(SecurityConfiguration.API_CHAIN_ORDER + 1)
    public SecurityFilterChain pageSecurity(HttpSecurity http, OidcLogin.OidcLoginSettings oidc,
                                            OAuth2UserService<OidcUserRequest, OidcUser> oidcUsers) throws Exception {
        if (oidc.enabled()) {
            http.oauth2Login(login -> login.loginPage("/login")
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcUsers)));
        }
        String[] everyRole = Arrays.stream(Role.values()).map(Role::authority).toArray(String[]::new);
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(STATIC_ASSETS).permitAll()
                        .anyRequest().hasAnyAuthority(everyRole))
                .formLogin(form -> form.loginPage("/login").permitAll())
                .httpBasic(Customizer.withDefaults())
                .logout(logout -> logout.logoutSuccessUrl("/login?deconnexion").permitAll())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
        return http.build();
    }
}
