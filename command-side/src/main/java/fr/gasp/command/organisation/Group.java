package fr.gasp.command.organisation;

import fr.gasp.command.common.BusinessDates;
import fr.gasp.events.organisation.GroupCreated;
import fr.gasp.platform.problem.NotFoundException;
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

/** One of a GASP's groups (agents, users or referents), which meets on its own. */
@Aggregate
public class Group {

    @AggregateIdentifier
    private UUID groupId;

    protected Group() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    long handle(CreateGroup command, OrganisationDirectory directory, Clock clock) {
        if (!directory.gaspExists(command.gaspId())) {
            throw new NotFoundException("Le GASP", command.gaspId());
        }
        apply(new GroupCreated(command.groupId(), command.gaspId(), command.kind(), command.name(),
                BusinessDates.resolve(command.occurredOn(), clock)));
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(GroupCreated event) {
        groupId = event.groupId();
    }
}
