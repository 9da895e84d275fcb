package fr.gasp.platform.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gasp.platform.web.FilterProblems;
import fr.gasp.platform.web.RequestBodyLimits;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;

import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * One transaction per API request that changes something, and {@code Idempotency-Key} on it
 * (see {@link IdempotencyFilter}), for an app that owns the {@code idempotency_record} table
 * and says so with {@code gasp.idempotency.enabled=true}: the command side, the only one whose
 * API changes anything. Runs just after the body is measured and cached.
 */
@AutoConfiguration(after = {DataSourceTransactionManagerAutoConfiguration.class, JdbcClientAutoConfiguration.class})
@ConditionalOnProperty(name = "gasp.idempotency.enabled", havingValue = "true")
public class IdempotencyConfiguration {

    /** The header in the OpenAPI description of every operation that changes something. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(OperationCustomizer.class)
    static class Documented {

        @Bean
        OperationCustomizer idempotencyKeyHeader() {
            return (operation, handler) -> {
                boolean changes = Stream.of(PostMapping.class, PutMapping.class, PatchMapping.class, DeleteMapping.class)
                        .anyMatch(mapping -> AnnotatedElementUtils.hasAnnotation(handler.getMethod(), mapping));
                if (changes) {
                    operation.addParametersItem(new HeaderParameter().name(IdempotencyFilter.HEADER).required(false)
                            .schema(new StringSchema().minLength(1).maxLength(IdempotencyFilter.MAX_KEY_LENGTH))
                            .description("Retry safely: the same key, from the same user, with the same request "
                                    + "returns the first successful answer (Idempotent-Replayed: true) and records "
                                    + "nothing new; with a different request, 422. Printable ASCII, 1 to "
                                    + IdempotencyFilter.MAX_KEY_LENGTH + " characters."));
                }
                return operation;
            };
        }
    }

    @Bean
    public IdempotencyStore idempotencyStore(JdbcClient jdbc) {
        return new IdempotencyStore(jdbc);
    }

    @Bean
    public IdempotencyExpiry idempotencyExpiry(IdempotencyStore store,
                                               @Value("${gasp.idempotency.retention:30d}") Duration retention,
                                               @Value("${gasp.idempotency.expiry-check-every:1h}") Duration every) {
        return new IdempotencyExpiry(store, retention, every, Clock.systemUTC());
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
