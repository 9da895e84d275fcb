package fr.gasp.command.common;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Who did it: every command is stamped with the authenticated actor and role, and every
 * event it produces inherits both, so the audit never depends on a client telling the truth.
 */
@Configuration
public class ActorMetadata {

    public static final String ACTOR = "actor";
    public static final String ROLE = "role";

    @Bean
    public CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(ACTOR, ROLE);
    }

    @Bean
    public CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    /** Registered on the bus rather than declared as a bean, so it runs exactly once per command. */
    @Component
    static final class Registration {
        Registration(CommandBus commandBus) {
            commandBus.registerDispatchInterceptor(new StampWithActor());
        }
    }

    static final class StampWithActor implements MessageDispatchInterceptor<CommandMessage<?>> {

        @Override
        public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
                List<? extends CommandMessage<?>> messages) {
            Authentication user = SecurityContextHolder.getContext().getAuthentication();
            if (user == null || !user.isAuthenticated()) {
                return (index, message) -> message;
            }
            String roles = user.getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority)
                    .filter(authority -> authority.startsWith("ROLE_"))
                    .map(authority -> authority.substring("ROLE_".length()))
                    .sorted()
                    .collect(Collectors.joining(","));
            Map<String, String> actor = Map.of(ACTOR, user.getName(), ROLE, roles);
            return (index, message) -> message.andMetaData(actor);
        }
    }
}
