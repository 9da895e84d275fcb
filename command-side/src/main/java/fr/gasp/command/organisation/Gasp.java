package fr.gasp.command.organisation;

import fr.gasp.command.common.BusinessDates;
import fr.gasp.events.organisation.GaspCreated;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A GASP: the scheme for one territory, to which groups, meetings and proposals belong. */
@Aggregate
public class Gasp {

    @AggregateIdentifier
    private UUID gaspId;

    protected Gasp() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    long handle(CreateGasp command, Clock clock) {
        apply(new GaspCreated(command.gaspId(), command.name(), command.communes(),
                BusinessDates.resolve(command.occurredOn(), clock)));
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(GaspCreated event) {
        gaspId = event.gaspId();
    }
}
