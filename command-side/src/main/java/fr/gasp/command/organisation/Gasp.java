package fr.gasp.command.organisation;

import fr.gasp.command.cache.AggregateCacheConfiguration;
import fr.gasp.command.common.BusinessDates;
import fr.gasp.events.organisation.Cadence;
import fr.gasp.events.organisation.GaspCadenceSet;
import fr.gasp.events.organisation.GaspCreated;
import fr.gasp.platform.problem.InvalidInputException;
import fr.gasp.command.snapshot.SnapshotConfiguration;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A GASP: the scheme for one territory, to which groups, meetings and proposals belong. */
@Aggregate(snapshotTriggerDefinition = SnapshotConfiguration.TRIGGER, cache = AggregateCacheConfiguration.GASPS)
public class Gasp {

    /** No body meets more than once a day on average: beyond that a figure is a typing error. */
    static final int MAX_MEETINGS_A_YEAR = 366;

    @AggregateIdentifier
    private UUID gaspId;
    private LocalDate createdOn;

    protected Gasp() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    long handle(CreateGasp command, Clock clock) {
        apply(new GaspCreated(command.gaspId(), command.name(), command.communes(),
                BusinessDates.resolve(command.occurredOn(), clock)));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(SetCadence command, Clock clock) {
        Cadence cadence = command.cadence();
        if (cadence == null) {
            throw new InvalidInputException("cadence", "la cadence est obligatoire");
        }
        requireMeetingsAYear("agentsMeetings", cadence.agentsMeetings());
        requireMeetingsAYear("usersMeetings", cadence.usersMeetings());
        requireMeetingsAYear("referentsSessions", cadence.referentsSessions());
        requireMeetingsAYear("jointMeetings", cadence.jointMeetings());
        apply(new GaspCadenceSet(gaspId, cadence, BusinessDates.resolveAfter(command.occurredOn(), createdOn, clock)));
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(GaspCreated event) {
        gaspId = event.gaspId();
        createdOn = event.occurredOn();
    }

    private static void requireMeetingsAYear(String field, int meetings) {
        if (meetings < 0 || meetings > MAX_MEETINGS_A_YEAR) {
            throw new InvalidInputException(field, "un nombre de réunions par an entre 0 et " + MAX_MEETINGS_A_YEAR);
        }
    }
}
