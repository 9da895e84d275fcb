package fr.gasp.command.common;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * No Micrometer observation around each security filter, authentication and authorization:
 * on a command they cost more CPU than the command's own SQL (ADR 0008), and say nothing that
 * {@code http.server.requests} (status, time, per address) does not.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityObservations {

    @Bean
    public SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
