package fr.gasp.command.organisation;

import fr.gasp.command.cache.AggregateCacheConfiguration;
import fr.gasp.command.common.BusinessDates;
import fr.gasp.command.common.Texts;
import fr.gasp.command.directory.OrganisationDirectory;
import fr.gasp.events.organisation.GroupCreated;
import fr.gasp.events.organisation.MemberJoined;
import fr.gasp.events.organisation.MemberLeft;
import fr.gasp.events.organisation.MemberPersonalDataErased;
import fr.gasp.platform.problem.ConflictException;
import fr.gasp.platform.problem.InvalidInputException;
import fr.gasp.platform.problem.NotFoundException;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One of a GASP's groups (agents, users or referents), which meets on its own, and its
 * members as they come and go. Members are ids here; their names are in the member registry.
 */
@Aggregate(snapshotTriggerDefinition = SnapshotConfiguration.TRIGGER, cache = AggregateCacheConfiguration.GROUPS)
public class Group {

    @AggregateIdentifier
    private UUID groupId;
    private LocalDate createdOn;
    private final Map<UUID, LocalDate> currentMembers = new HashMap<>();
    private final Set<UUID> pastMembers = new HashSet<>();
    private final Set<UUID> erasedMembers = new HashSet<>();

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

    @CommandHandler
    long handle(AddMember command, MemberRegistry registry, Clock clock) {
        String displayName = Texts.required("displayName", command.displayName());
        LocalDate date = BusinessDates.resolveAfter(command.occurredOn(), createdOn, clock);
        registry.register(command.memberId(), groupId, displayName, date);
        apply(new MemberJoined(groupId, command.memberId(), Texts.optional(command.institution()),
                Texts.optional(command.role()), date));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(RemoveMember command, MemberRegistry registry, Clock clock) {
        requireKnown(command.memberId());
        LocalDate joinedOn = currentMembers.get(command.memberId());
        if (joinedOn == null) {
            throw new ConflictException("Le membre " + command.memberId() + " a déjà quitté le groupe.");
        }
        LocalDate date = BusinessDates.resolve(command.occurredOn(), clock);
        if (date.isBefore(joinedOn)) {
            throw new InvalidInputException(BusinessDates.FIELD,
                    "la date de départ (" + date + ") précède l'arrivée du membre (" + joinedOn + ")");
        }
        registry.recordDeparture(command.memberId(), date);
        apply(new MemberLeft(groupId, command.memberId(), date));
        return AggregateLifecycle.getVersion();
    }

    /** Erasing twice is not an error: the second time there is nothing left to forget. */
    @CommandHandler
    long handle(EraseMemberPersonalData command, MemberRegistry registry, Clock clock) {
        requireKnown(command.memberId());
        if (!erasedMembers.contains(command.memberId()) && registry.erase(command.memberId())) {
            apply(new MemberPersonalDataErased(groupId, command.memberId(), LocalDate.now(clock)));
        }
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(GroupCreated event) {
        groupId = event.groupId();
        createdOn = event.occurredOn();
    }

    @EventSourcingHandler
    void on(MemberJoined event) {
        currentMembers.put(event.memberId(), event.occurredOn());
    }

    @EventSourcingHandler
    void on(MemberLeft event) {
        currentMembers.remove(event.memberId());
        pastMembers.add(event.memberId());
    }

    @EventSourcingHandler
    void on(MemberPersonalDataErased event) {
        erasedMembers.add(event.memberId());
    }

    private void requireKnown(UUID memberId) {
        if (!currentMembers.containsKey(memberId) && !pastMembers.contains(memberId)) {
            throw new NotFoundException("Le membre " + memberId + " n'appartient pas à ce groupe.");
        }
    }
}
