package fr.gasp.query.common;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The read models are kept by one tracking processor. Its position (token) is stored in the
 * same transaction as the rows it writes, so a crash can neither apply an event twice nor
 * skip one. An event that fails is retried, never passed over: Axon's default would log it
 * and move on, silently leaving the read model wrong.
 */
@Configuration
public class ReadModel {

    public static final String PROCESSING_GROUP = "read-model";

    @Bean
    public ConfigurerModule readModelErrorsPropagate() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
