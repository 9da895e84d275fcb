package fr.gasp.platform.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gasp.platform.web.FilterProblems;
import fr.gasp.platform.web.RequestBodyLimits;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;

/**
 * {@code Idempotency-Key} on API requests, for an app that owns the {@code idempotency_record}
 * table and says so with {@code gasp.idempotency.enabled=true} (the command side: the only
 * one whose API changes anything). Runs just after the body is measured and cached.
 */
@AutoConfiguration(after = {DataSourceTransactionManagerAutoConfiguration.class, JdbcClientAutoConfiguration.class})
@ConditionalOnProperty(name = "gasp.idempotency.enabled", havingValue = "true")
public class IdempotencyConfiguration {

    @Bean
    public IdempotencyStore idempotencyStore(JdbcClient jdbc) {
        return new IdempotencyStore(jdbc);
    }

    @Bean
    public FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyStore store,
                                                                        PlatformTransactionManager transactions,
                                                                        ObjectMapper json) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(
                new IdempotencyFilter(store, transactions, new FilterProblems(json), Clock.systemUTC()));
        registration.addUrlPatterns(RequestBodyLimits.API_PATTERN);
        registration.setOrder(RequestBodyLimits.ORDER + 10);
        return registration;
    }
}
