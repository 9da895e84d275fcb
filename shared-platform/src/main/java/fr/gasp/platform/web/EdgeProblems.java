package fr.gasp.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gasp.platform.problem.ProblemResponses;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * problem+json for the refusals that happen before Spring MVC, where no controller advice
 * reaches: Spring Security's firewall ({@code ..}, {@code ;}, an encoded {@code %} or
 * {@code .} in the address), which would otherwise go through Spring Boot's {@code /error}
 * page, and Tomcat itself (an encoded slash or NUL), which would answer an HTML page.
 */
@AutoConfiguration
public class EdgeProblems {

    /** Picked up by Spring Security's {@code WebSecurity} for every filter chain. */
    @Bean
    @ConditionalOnMissingBean(RequestRejectedHandler.class)
    public RequestRejectedHandler problemOnRejectedRequest(ObjectMapper json) {
        FilterProblems problems = new FilterProblems(json);
        return (request, response, rejected) -> problems.write(response, ProblemResponses.problem(
                HttpStatus.BAD_REQUEST, "Requête invalide",
                "Adresse refusée : elle contient des caractères ou des segments interdits."));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(StandardHost.class)
    static class TomcatErrors {

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
            return factory -> factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
        }
    }
}
