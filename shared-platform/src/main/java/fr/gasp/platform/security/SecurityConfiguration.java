package fr.gasp.platform.security;

import fr.gasp.platform.problem.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

import java.util.ArrayList;
import java.util.List;

/**
 * HTTP Basic and, when a provider is configured, OpenID Connect bearer tokens on every
 * {@code /api} call, the roles of each endpoint from the app's
 * {@link AccessTable}, and identity errors answered as problem+json like every other error.
 * This chain covers the API, actuator and OpenAPI paths only. An app with pages declares its
 * own chain for every other path, as a bean named {@value #PAGE_CHAIN}; an app without one
 * keeps a stateless Basic chain that requires an identified user on any other path.
 */
@AutoConfiguration(before = UserDetailsServiceAutoConfiguration.class)
@EnableWebSecurity
@Import(IdentitySettings.class)
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /** The name of an app's own chain for its pages; it must match every path (it comes last). */
    public static final String PAGE_CHAIN = "pageSecurity";

    /** Before any page chain: an API path never meets a login form or a session. */
    public static final int API_CHAIN_ORDER = 1;

    /** What the API chain covers: the API, its description, the operations endpoints, and the error dispatch. */
    static final String[] API_PATHS = {
            "/api/**", "/actuator", "/actuator/**",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error"};

    static final String[] OPEN_PATHS = {
            "/actuator/health", "/actuator/health/**", "/actuator/info",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error"};

    @Bean
    @Order(API_CHAIN_ORDER)
    public SecurityFilterChain apiSecurity(HttpSecurity http, AccessTable accessTable, ProblemWriter problems,
                                           IdentitySettings identity, ObjectProvider<JwtDecoder> jwtDecoder)
            throws Exception {
        if (identity.oidc()) {
            RolesFromClaims roles = identity.roles();
            http.oauth2ResourceServer(server -> server
                    .authenticationEntryPoint(identifyYourself(problems))
                    .jwt(jwt -> jwt.decoder(jwtDecoder.getObject()).jwtAuthenticationConverter(token ->
                            new JwtAuthenticationToken(token, roles.authorities(token.getClaims()), token.getSubject()))));
        }
        http.securityMatcher(API_PATHS)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(identifyYourself(problems)))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(identifyYourself(problems))
                        .accessDeniedHandler((request, response, e) ->
                                problems.write(response, HttpStatus.FORBIDDEN, "Accès refusé",
                                        "Votre rôle ne permet pas cette action.")))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(OPEN_PATHS).permitAll();
                    // Metrics tell about the service's inside (volumes, lag): operations only.
                    requests.requestMatchers("/actuator/**").hasAuthority(Role.ADMIN.authority());
                    for (AccessRule rule : accessTable.rules()) {
                        requests.requestMatchers(rule.method(), rule.pathPattern()).hasAnyAuthority(rule.authorities());
                    }
                    requests.requestMatchers("/api/**").denyAll();
                    requests.anyRequest().authenticated();
                })
                .headers(Customizer.withDefaults());
        return http.build();
    }

    /**
     * Every other path of an app that has no pages: identified users only, as on the API, so
     * that an address nobody planned is never open.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    @ConditionalOnMissingBean(name = PAGE_CHAIN)
    public SecurityFilterChain otherPathsSecurity(HttpSecurity http, ProblemWriter problems) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(identifyYourself(problems)))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(identifyYourself(problems)))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .headers(Customizer.withDefaults());
        return http.build();
    }

    /**
     * No Micrometer observation around each security filter, authentication and authorization,
     * in both apps: with a registry present Spring Security wraps every filter of every request
     * in one, which cost more CPU than a command's own SQL (ADR 0008) and, on the query side, a
     * third of a read-your-writes read's (profile, issue 6), for spans nobody collects. The
     * requests themselves are still timed, by status and address ({@code http.server.requests}).
     */
    @Bean
    public SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** An anonymous call, or one with a bad token, is answered 401 in problem+json. */
    private static AuthenticationEntryPoint identifyYourself(ProblemWriter problems) {
        return (request, response, e) -> problems.write(response, HttpStatus.UNAUTHORIZED,
                "Authentification requise", "Identifiez-vous (jeton OpenID Connect ou HTTP Basic) pour appeler "
                        + "cette adresse.");
    }

    /**
     * The provider's signing keys, fetched on first use rather than at start-up, so that an
     * app starts (and says so in its health) while the provider is briefly unreachable.
     */
    @Bean
    @ConditionalOnProperty("gasp.oidc.issuer-uri")
    public JwtDecoder jwtDecoder(IdentitySettings identity) {
        return new SupplierJwtDecoder(() -> JwtDecoders.fromIssuerLocation(identity.issuerUri()));
    }

    /**
     * The accounts of this deployment: those given in GASP_USERS, plus the demo accounts
     * where they are on. A deployment with neither an OpenID Connect provider nor any account
     * refuses to start rather than run with nobody able to use it.
     */
    @Bean
    public UserDetailsService accounts(IdentitySettings identity) {
        List<UserDetails> accounts = new ArrayList<>(ConfiguredAccounts.parse(identity.configuredAccounts()));
        if (identity.demoAccounts()) {
            if (!identity.embedded()) {
                log.warn("Comptes de démonstration activés sur une base de production (GASP_DEMO_USERS=true) : "
                        + "leurs mots de passe sont publics.");
            }
            accounts.addAll(DemoAccounts.all());
        }
        if (accounts.isEmpty() && !identity.oidc()) {
            throw new IllegalStateException("Aucun moyen de s'identifier n'est configuré : ce déploiement "
                    + "n'accepterait personne. Configurer un fournisseur OpenID Connect (GASP_OIDC_ISSUER_URI, "
                    + "voir le README) ou des comptes (GASP_USERS) ; pour un simple essai, GASP_DEMO_USERS=true.");
        }
        InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager(accounts);
        // A plain lookup, not the manager itself: Spring would otherwise "upgrade" the demo
        // accounts' {noop} passwords to bcrypt on first sign-in, and every Basic request after
        // it would cost ~90 ms of CPU.
        return manager::loadUserByUsername;
    }
}
