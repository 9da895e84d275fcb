package fr.gasp.platform.security;

import fr.gasp.platform.problem.ProblemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

/**
 * HTTP Basic on every {@code /api} call, the roles of each endpoint from the app's
 * {@link AccessTable}, and identity errors answered as problem+json like every other error.
 * This chain covers the API, actuator and OpenAPI paths only. An app with pages declares its
 * own chain for every other path, as a bean named {@value #PAGE_CHAIN}; an app without one
 * keeps a stateless Basic chain that requires an identified user on any other path.
 */
@AutoConfiguration(before = UserDetailsServiceAutoConfiguration.class)
@EnableWebSecurity
public class SecurityConfiguration {

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
    public SecurityFilterChain apiSecurity(HttpSecurity http, AccessTable accessTable, ProblemWriter problems)
            throws Exception {
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

    /** An anonymous call is answered 401 in problem+json, inviting HTTP Basic. */
    private static AuthenticationEntryPoint identifyYourself(ProblemWriter problems) {
        return (request, response, e) -> problems.write(response, HttpStatus.UNAUTHORIZED,
                "Authentification requise", "Identifiez-vous (HTTP Basic) pour appeler cette adresse.");
    }

    /**
     * The accounts of this deployment. Demo accounts exist only when asked for, or by default
     * on the embedded database; a deployment with no account at all refuses to start rather
     * than run with nobody able to use it.
     */
    @Bean
    public UserDetailsService accounts(@Value("${gasp.demo-users:}") String demoUsersSetting,
                                       @Value("${spring.datasource.url:}") String datasourceUrl) {
        boolean embedded = datasourceUrl.isBlank() || datasourceUrl.startsWith("jdbc:h2:");
        boolean demoUsers = demoUsersSetting.isBlank() ? embedded : Boolean.parseBoolean(demoUsersSetting.trim());
        if (!demoUsers) {
            throw new IllegalStateException("Aucun compte n'est configuré : ce déploiement n'accepterait "
                    + "personne. Pour un essai, GASP_DEMO_USERS=true crée un compte de démonstration par rôle.");
        }
        return new InMemoryUserDetailsManager(DemoAccounts.all());
    }
}
