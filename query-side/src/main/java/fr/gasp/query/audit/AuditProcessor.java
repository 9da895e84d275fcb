package fr.gasp.query.audit;

import fr.gasp.query.common.ReadModel;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * The audit chain's own tracking processor, in one segment: it records the first sight of
 * every event, in the store's order, and is never replayed — rebuilding the read models moves
 * their processor only (migration V6 gave it the read-model processor's position, where the
 * chain then stood).
 */
@Configuration
public class AuditProcessor {

    public static final String PROCESSING_GROUP = "audit";

    @Bean
    public ConfigurerModule auditEventProcessor(@Value("${gasp.read-model.batch-size:100}") int batchSize,
                                                @Value("${gasp.events.fetch-delay-ms:20}") long fetchDelayMillis) {
        return configurer -> ReadModel.register(configurer.eventProcessing(), PROCESSING_GROUP, batchSize, 1,
                Duration.ofMillis(fetchDelayMillis));
    }
}
